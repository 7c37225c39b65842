"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { answerFeedback, resolveFeedback } from "@/lib/services/feedback";
import { createShareLink, revokeShareLink, setPlanRole, setShareLinkOptions } from "@/lib/services/sharing";

export const createShareLinkAction = authedAction(async (principal, f) => {
  const planId = f.planId ?? "";
  const link = await createShareLink(principal, planId, {
    label: f.label ?? "",
    expiresInDays: f.expiresInDays ?? "",
    allowFeedback: f.allowFeedback,
    allowDownloads: f.allowDownloads,
  });
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

export const setShareLinkOptionsAction = authedAction(async (principal, f) => {
  await setShareLinkOptions(principal, f.planId ?? "", f.linkId ?? "", {
    allowFeedback: f.allowFeedback,
    allowDownloads: f.allowDownloads,
  });
  revalidatePath(`/plans/${f.planId}/share`);
  return { ok: true, message: "Saved." };
});

export const answerFeedbackAction = authedAction(async (principal, f) => {
  await answerFeedback(principal, f.planId ?? "", f.feedbackId ?? "", { reply: f.reply });
  revalidatePath(`/plans/${f.planId}/share`);
  return { ok: true, message: "Reply saved." };
});

export const resolveFeedbackAction = authedAction(async (principal, f) => {
  await resolveFeedback(principal, f.planId ?? "", f.feedbackId ?? "", f.resolved === "true");
  revalidatePath(`/plans/${f.planId}/share`);
});
