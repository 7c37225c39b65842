"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { CLIENT_IP_HEADER } from "@/lib/security/headers";
import { signIn, signOut } from "@/lib/auth";
import { publicAction, toActionState, formFields, type ActionState } from "@/lib/actions";
import { requestPasswordReset, RESET_MINUTES, resetPassword } from "@/lib/services/account";
import { signUp } from "@/lib/services/users";

/** Only same-site paths are followed after sign-in. */
function safeNext(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/workspaces";
}

export async function signUpAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  try {
    await signUp(fields, (await headers()).get(CLIENT_IP_HEADER) ?? "unknown");
    await signIn("credentials", { email: fields.email, password: fields.password, redirectTo: safeNext(fields.next) });
    return { ok: true };
  } catch (err) {
    return toActionState(err, fields);
  }
}

export async function signInAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  try {
    await signIn("credentials", { email: fields.email, password: fields.password, redirectTo: safeNext(fields.next) });
    return { ok: true };
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "rate_limited") {
      return {
        ok: false,
        message: "Too many sign-in attempts. Wait a few minutes, then try again.",
        values: { email: fields.email ?? "" },
      };
    }
    if (err instanceof AuthError) {
      return {
        ok: false,
        message: "That email and password do not match an account.",
        values: { email: fields.email ?? "" },
      };
    }
    return toActionState(err, fields);
  }
}

export async function oauthSignInAction(formData: FormData) {
  const provider = formData.get("provider");
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeNext(formFields(formData).next) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/signin" });
}

/** The same answer whether or not the address has an account. */
export const forgotPasswordAction = publicAction(async (f) => {
  const { email } = await requestPasswordReset(
    { email: f.email },
    (await headers()).get(CLIENT_IP_HEADER) ?? "unknown",
  );
  return {
    ok: true,
    message: `If ${email} belongs to an account, a link to choose a new password is on its way. It works once, for ${RESET_MINUTES} minutes.`,
  };
});

export const resetPasswordAction = publicAction(async (f) => {
  await resetPassword({ token: f.token, password: f.password });
  redirect("/signin?reset=done");
});
