import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { ActionForm, Field, SubmitButton } from "@/components/forms/action-form";
import { enabledOAuth, getPrincipal } from "@/lib/auth";
import { signInAction } from "../actions";

export const metadata = { title: "Sign in · Planwright" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; reset?: string }>;
}) {
  const { next, error, reset } = await searchParams;
  if (await getPrincipal()) redirect(next ?? "/workspaces");
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to Planwright?{" "}
          <Link className="font-medium text-indigo-700 underline" href="/signup">
            Create an account
          </Link>
        </>
      }
    >
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          Sign-in did not complete. Please try again.
        </p>
      )}
      {reset === "done" && (
        <p role="status" className="mb-3 text-sm text-emerald-700">
          Your password was changed. Sign in with the new one.
        </p>
      )}
      <ActionForm action={signInAction} className="flex flex-col gap-4" aria-label="Sign in">
        {next && <input type="hidden" name="next" value={next} />}
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
        <Link className="-mt-2 self-end text-sm text-indigo-700 underline" href="/forgot-password">
          Forgot password?
        </Link>
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      </ActionForm>
      <OAuthButtons providers={enabledOAuth()} next={next} />
    </AuthCard>
  );
}
