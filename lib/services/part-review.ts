import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import {
  deletePartApprover,
  insertPartApprover,
  insertPartSignoff,
  listPartApprovers,
  listPartSignoffs,
  partRequester,
  upsertPartRequest,
} from "@/db/queries/part-review";
import { getPlanContent } from "@/db/queries/plan-content";
import { insertNotifications, isWorkspaceMember, userName } from "@/db/queries/review";
import { requirePlan, requireUser, type Principal } from "@/lib/access";
import { ConflictError, ForbiddenError, parseInput, ValidationError } from "@/lib/errors";
import { partFingerprint } from "@/lib/plan/part-fingerprint";
import { approvalPartIds, approvalParts, partStatus, type ApprovalPartId, type PartDecision } from "@/lib/plan/parts";
import { uuid } from "@/lib/validation/common";
import { COMMENT_MAX, mailSignoffDecision, mailSignoffRequests, signoffNotice, signoffRequest } from "./review";

const part = z.enum(approvalPartIds, { message: "Choose a part of the plan." });
const partApproverInput = z.object({ part, userId: uuid });
const partRequestInput = z.object({ part });
const titleOf = (id: ApprovalPartId) => approvalParts.find((p) => p.id === id)!.title;
const partSignoffInput = z
  .object({
    part,
    decision: z.enum(["approved", "changes_requested"], { message: "Choose approve or request changes." }),
    comment: z.string().trim().max(COMMENT_MAX, `A comment must be at most ${COMMENT_MAX} characters.`).default(""),
  })
  .refine((v) => v.decision === "approved" || v.comment.length > 0, {
    message: "Say what needs to change.",
    path: ["comment"],
  });

/**
 * Each named part of the plan (resource allocation, schedule, budget) with its own approvers, their
 * latest decisions and whether the part is approved. Independent of the whole plan's sign-off. An
 * approved part is `changed` when its content's fingerprint (from the projection) is no longer the
 * one an approver approved.
 */
export async function getPartApprovals(principal: Principal | null, planId: string) {
  await requirePlan(principal, planId, "read");
  const [approvers, signoffs] = await Promise.all([listPartApprovers(planId), listPartSignoffs(planId)]);
  // The content is read only when some approval has a fingerprint to compare with.
  const content = signoffs.some((s) => s.fingerprint) ? await getPlanContent(planId) : null;
  return approvalParts.map((p) => {
    type Latest = { decision: PartDecision; comment: string; at: Date; fingerprint: string | null };
    const latest = new Map<string, Latest>();
    for (const s of signoffs)
      if (s.part === p.id)
        latest.set(s.userId, { decision: s.decision, comment: s.comment, at: s.createdAt, fingerprint: s.fingerprint });
    const mine = approvers.filter((a) => a.part === p.id);
    const decisions = new Map([...latest].map(([id, d]) => [id, d.decision]));
    const status = partStatus(
      mine.map((a) => a.userId),
      decisions,
    );
    const current = content && status === "approved" ? partFingerprint(content, p.id) : null;
    const changed =
      current !== null &&
      mine.some((a) => {
        const approved = latest.get(a.userId)?.fingerprint;
        return approved != null && approved !== current;
      });
    return {
      ...p,
      status,
      changed,
      approvers: mine.map((a) => {
        const l = latest.get(a.userId);
        return {
          userId: a.userId,
          name: a.name,
          latest: l ? { decision: l.decision, comment: l.comment, at: l.at } : null,
        };
      }),
    };
  });
}

/** Name a workspace member as an approver of one part (the plan's managers). */
export async function addPartApprover(principal: Principal | null, planId: string, input: unknown) {
  const { plan } = await requirePlan(principal, planId, "manage-approvers");
  const data = parseInput(partApproverInput, input);
  if (!(await isWorkspaceMember(plan.workspaceId, data.userId)))
    throw new ValidationError("Approvers must be members of the workspace.", {
      userId: ["Choose a member of this workspace."],
    });
  await insertPartApprover(planId, data.part, data.userId);
}

export async function removePartApprover(principal: Principal | null, planId: string, input: unknown) {
  await requirePlan(principal, planId, "manage-approvers");
  const data = parseInput(partApproverInput, input);
  await deletePartApprover(planId, data.part, data.userId);
}

/**
 * Ask a part's approvers to sign it off (the plan's managers and editors): each is notified in the
 * inbox and mailed, like the approvers of the whole plan, and their decisions go back to the asker.
 */
export async function requestPartSignoff(principal: Principal | null, planId: string, input: unknown) {
  const { plan } = await requirePlan(principal, planId, "set-status");
  const who = requireUser(principal);
  const data = parseInput(partRequestInput, input);
  const subject = { planId, title: plan.title, part: titleOf(data.part) };
  const asked = (await listPartApprovers(planId))
    .filter((a) => a.part === data.part && a.userId !== who.userId)
    .map((a) => a.userId);
  if (asked.length === 0)
    throw new ConflictError(`Name an approver of ${subject.part} other than yourself first.`, {
      part: ["Name an approver first."],
    });
  await upsertPartRequest(planId, data.part, who.userId);
  const actorName = await userName(who.userId);
  await insertNotifications(
    await getDb(),
    asked.map((id) => signoffRequest(subject, id, who.userId, actorName)),
  );
  await mailSignoffRequests(subject, asked, actorName);
  return { asked: asked.length };
}

/**
 * An approver's decision on one part; only the approvers named for that part. An approval records
 * the part's fingerprint at that moment; whoever asked for the sign-off hears of the decision.
 */
export async function signOffPart(principal: Principal | null, planId: string, input: unknown) {
  const who = requireUser(principal);
  const { plan } = await requirePlan(who, planId, "read");
  const data = parseInput(partSignoffInput, input);
  const approvers = await listPartApprovers(planId);
  if (!approvers.some((a) => a.part === data.part && a.userId === who.userId))
    throw new ForbiddenError("Only the approvers named for this part can sign it off.");
  const fingerprint = data.decision === "approved" ? partFingerprint(await getPlanContent(planId), data.part) : null;
  await insertPartSignoff({ planId, userId: who.userId, ...data, fingerprint });
  const requester = await partRequester(planId, data.part);
  if (requester && requester !== who.userId) {
    const subject = { planId, title: plan.title, part: titleOf(data.part) };
    const actorName = await userName(who.userId);
    await insertNotifications(await getDb(), [signoffNotice(subject, requester, who.userId, actorName, data.decision)]);
    await mailSignoffDecision(subject, requester, actorName, data.decision);
  }
}
