import { MailOffNote } from "@/components/account/mail-off-note";
import { BackToSignIn } from "@/components/account/back-to-sign-in";
import { AuthCard } from "@/components/auth/auth-card";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { mailEnabled } from "@/lib/services/account";
import { forgotPasswordAction } from "../actions";

export const metadata = { title: "Forgot password · Planwright" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" footer={<BackToSignIn />}>
      <p className="mb-4 text-sm text-slate-600">
        Enter the email of your account and we will mail you a link to choose a new password.
      </p>
      {!mailEnabled() && (
        <div className="mb-4">
          <MailOffNote>the reset link is written to the server&apos;s log, so ask the person who runs it.</MailOffNote>
        </div>
      )}
      <ActionForm action={forgotPasswordAction} className="flex flex-col gap-4" aria-label="Forgot password">
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <SubmitButton pendingText="Sending…">Send the reset link</SubmitButton>
      </ActionForm>
    </AuthCard>
  );
}
