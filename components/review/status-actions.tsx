import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions";
import type { PlanStatus } from "@/lib/services/review";

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;

const buttonText: Partial<Record<PlanStatus, string>> = {
  in_review: "Send for review",
  active: "Mark active",
  done: "Mark done",
};

/** The next steps of the plan's status this person may take, one button each. */
export function StatusActions({ planId, next, action }: { planId: string; next: PlanStatus[]; action: Action }) {
  if (next.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {next.map((s) => (
        <ActionForm key={s} action={action} aria-label={buttonText[s] ?? s}>
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="status" value={s} />
          <SubmitButton pendingText="Saving…">{buttonText[s] ?? s}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}
