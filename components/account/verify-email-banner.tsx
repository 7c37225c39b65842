import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions";

/** Shown to a password account until its address is confirmed; signing in still works meanwhile. */
export function VerifyEmailBanner({
  email,
  action,
}: {
  email: string;
  action: (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <aside
      aria-label="Verify your email"
      className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900"
    >
      <ActionForm action={action} className="mx-auto flex max-w-6xl flex-wrap items-center gap-3">
        <span>
          <strong>Verify your email.</strong> We sent a link to {email}; open it to confirm the address is yours.
        </span>
        <SubmitButton variant="secondary" pendingText="Sending…">
          Resend the link
        </SubmitButton>
      </ActionForm>
    </aside>
  );
}
