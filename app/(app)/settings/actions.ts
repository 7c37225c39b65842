"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { resendVerification, setDigestPreference } from "@/lib/services/account";
import { createApiToken, revokeApiToken } from "@/lib/services/tokens";

export const createTokenAction = authedAction(async (principal, f) => {
  const created = await createApiToken(principal, { name: f.name });
  revalidatePath("/settings");
  return {
    ok: true,
    secret: created.token,
    message: `Token “${created.name}” created. Copy it now: it is shown only once.`,
  };
});

export const revokeTokenAction = authedAction(async (principal, f) => {
  await revokeApiToken(principal, f.tokenId ?? "");
  revalidatePath("/settings");
});

export const resendVerificationAction = authedAction(async (principal) => {
  const { email } = await resendVerification(principal);
  return { ok: true, message: `A new link is on its way to ${email}.` };
});

export const setDigestAction = authedAction(async (principal, f) => {
  const { digest } = await setDigestPreference(principal, { digest: f.digest });
  revalidatePath("/settings");
  return {
    ok: true,
    message: digest ? "You will get the daily summary of your due tasks." : "The daily summary is off.",
  };
});
