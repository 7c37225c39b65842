import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;

/** The two things a link may allow beyond reading, as checkboxes (for a new link or an existing one). */
export function LinkOptionBoxes({
  allowFeedback = false,
  allowDownloads = false,
  idPrefix,
}: {
  allowFeedback?: boolean;
  allowDownloads?: boolean;
  idPrefix: string;
}) {
  const box = (name: string, label: string, checked: boolean) => (
    <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={`${idPrefix}-${name}`}>
      <input id={`${idPrefix}-${name}`} type="checkbox" name={name} defaultChecked={checked} />
      {label}
    </label>
  );
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1">
      {box("allowFeedback", "Readers may ask questions and leave feedback", allowFeedback)}
      {box("allowDownloads", "Readers may download the PDF and Markdown", allowDownloads)}
    </div>
  );
}

/** Change what one existing link allows. */
export function LinkOptionsForm({
  action,
  planId,
  link,
}: {
  action: Action;
  planId: string;
  link: { id: string; allowFeedback: boolean; allowDownloads: boolean };
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-1" aria-label="What this link allows">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="linkId" value={link.id} />
      <LinkOptionBoxes idPrefix={link.id} allowFeedback={link.allowFeedback} allowDownloads={link.allowDownloads} />
      <div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
