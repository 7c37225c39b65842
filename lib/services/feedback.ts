import "server-only";
import { insertFeedback, listFeedback, listLinkFeedback, updateFeedback } from "@/db/queries/feedback";
import { requirePlan, requireUser, type Principal, type SharePrincipal } from "@/lib/access";
import { NotFoundError, parseInput } from "@/lib/errors";
import { consume } from "@/lib/security/rate-limit";
import { principalFromShareToken } from "@/lib/services/sharing";
import { uuid } from "@/lib/validation/common";
import { feedbackInput, feedbackReplyInput } from "@/lib/validation/feedback";

/**
 * A question or comment from the reader of a share link that allows feedback. The reader has no
 * account, so the name is theirs to give; each link and address may leave a few per hour. The link
 * is checked through lib/access like every read; nothing here writes to the plan itself.
 */
export async function leaveFeedback(token: string, input: unknown, address: string) {
  const principal = await principalFromShareToken(token);
  if (!principal) throw new NotFoundError("Link");
  const { plan } = await requirePlan(principal, principal.planId, "leave-feedback");
  const data = parseInput(feedbackInput, input);
  await consume("feedbackPerLinkAddress", `${principal.linkId}:${address}`);
  return insertFeedback({ planId: plan.id, linkId: principal.linkId, ...data });
}

/**
 * The questions and comments left through the reader's own link, with the team's answers: what a
 * link's readers see on the shared page. Another link's items, and who answered, stay with members.
 */
export async function getLinkFeedback(principal: SharePrincipal) {
  const { plan } = await requirePlan(principal, principal.planId, "read");
  return listLinkFeedback(plan.id, principal.linkId);
}

/** Feedback from the plan's links, for its members (anyone who may read the plan and is signed in). */
export async function getFeedback(principal: Principal | null, planId: string) {
  requireUser(principal);
  await requirePlan(principal, planId, "read");
  return listFeedback(planId);
}

const feedbackId = (id: string) => {
  if (!uuid.safeParse(id).success) throw new NotFoundError("Feedback");
  return id;
};

/** A member's answer; it replaces an earlier one. */
export async function answerFeedback(principal: Principal | null, planId: string, id: string, input: unknown) {
  const who = requireUser(principal);
  await requirePlan(who, planId, "read");
  const { reply } = parseInput(feedbackReplyInput, input);
  if (!(await updateFeedback(planId, feedbackId(id), { reply, repliedBy: who.userId, repliedAt: new Date() })))
    throw new NotFoundError("Feedback");
}

/** Mark an item dealt with, or open it again. */
export async function resolveFeedback(principal: Principal | null, planId: string, id: string, resolved: boolean) {
  const who = requireUser(principal);
  await requirePlan(who, planId, "read");
  if (!(await updateFeedback(planId, feedbackId(id), { resolvedAt: resolved ? new Date() : null })))
    throw new NotFoundError("Feedback");
}
