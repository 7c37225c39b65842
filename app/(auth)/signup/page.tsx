import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { enabledOAuth, getPrincipal } from "@/lib/auth";
import { PASSWORD_MIN } from "@/lib/validation/auth";
import { signUpAction } from "../actions";

export const metadata = { title: "Create an account · Planwright" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; email?: string }>;
}) {
  const { next, email } = await searchParams;
  if (await getPrincipal()) redirect(next ?? "/workspaces");
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link className="font-medium text-indigo-700 underline" href="/signin">
            Sign in
          </Link>
        </>
      }
    >
      <ActionForm action={signUpAction} className="flex flex-col gap-4" aria-label="Create account">
        {next && <input type="hidden" name="next" value={next} />}
        <Field name="name" label="Name" autoComplete="name" required maxLength={100} />
        {/* An invitation's link names the invited address. */}
        <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={email} />
        <Field
          name="password"
          label={`Password (at least ${PASSWORD_MIN} characters)`}
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
      </ActionForm>
      <OAuthButtons providers={enabledOAuth()} next={next} />
    </AuthCard>
  );
}
