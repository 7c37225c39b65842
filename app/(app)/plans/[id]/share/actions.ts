"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { createShareLink, revokeShareLink, setPlanRole } from "@/lib/services/sharing";

export const createShareLinkAction = authedAction(async (principal, f) => {
  const planId = f.planId ?? "";
  const link = await createShareLink(principal, planId, { label: f.label ?? "", expiresInDays: f.expiresInDays ?? "" });
  revalidatePath(`/plans/${planId}/share`);
  return { ok: true, secret: link.path, message: "Link created. Copy it now: for safety it is shown only once." };
});

export const revokeShareLinkAction = authedAction(async (principal, f) => {
  await revokeShareLink(principal, f.planId ?? "", f.linkId ?? "");
  revalidatePath(`/plans/${f.planId}/share`);
});

export const setPlanRoleAction = authedAction(async (principal, f) => {
  await setPlanRole(principal, f.planId ?? "", f.userId ?? "", { role: f.role });
  revalidatePath(`/plans/${f.planId}/share`);
  return { ok: true, message: "Saved." };
});
