"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
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
