import Link from "next/link";
import { BackToSignIn } from "@/components/account/back-to-sign-in";
import { AuthCard } from "@/components/auth/auth-card";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { resetLinkWorks } from "@/lib/services/account";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { resetPasswordAction } from "../actions";

export const metadata = { title: "Choose a new password · Planwright" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const works = await resetLinkWorks(token);
  return (
    <AuthCard title="Choose a new password" footer={<BackToSignIn />}>
      {works ? (
        <ActionForm action={resetPasswordAction} className="flex flex-col gap-4" aria-label="Choose a new password">
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            label={`New password (at least ${PASSWORD_MIN} characters)`}
            type="password"
            autoComplete="new-password"
            required
          />
          <p className="text-sm text-slate-600">Saving it signs you out on every other device.</p>
          <SubmitButton pendingText="Saving…">Save the new password</SubmitButton>
        </ActionForm>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          This reset link has expired or was already used.{" "}
          <Link className="font-medium underline" href="/forgot-password">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
