import "server-only";
import { z } from "zod";
import {
  deletePartApprover,
  insertPartApprover,
  insertPartSignoff,
  listPartApprovers,
  listPartSignoffs,
} from "@/db/queries/part-review";
import { isWorkspaceMember } from "@/db/queries/review";
import { requirePlan, requireUser, type Principal } from "@/lib/access";
import { ForbiddenError, parseInput, ValidationError } from "@/lib/errors";
import { approvalPartIds, approvalParts, partStatus, type PartDecision } from "@/lib/plan/parts";
import { uuid } from "@/lib/validation/common";
import { COMMENT_MAX } from "./review";

const part = z.enum(approvalPartIds, { message: "Choose a part of the plan." });
const partApproverInput = z.object({ part, userId: uuid });
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
 * latest decisions and whether the part is approved. Independent of the whole plan's sign-off.
 */
export async function getPartApprovals(principal: Principal | null, planId: string) {
  await requirePlan(principal, planId, "read");
  const [approvers, signoffs] = await Promise.all([listPartApprovers(planId), listPartSignoffs(planId)]);
  return approvalParts.map((p) => {
    const latest = new Map<string, { decision: PartDecision; comment: string; at: Date }>();
    for (const s of signoffs)
      if (s.part === p.id) latest.set(s.userId, { decision: s.decision, comment: s.comment, at: s.createdAt });
    const mine = approvers.filter((a) => a.part === p.id);
    const decisions = new Map([...latest].map(([id, d]) => [id, d.decision]));
    return {
      ...p,
      status: partStatus(
        mine.map((a) => a.userId),
        decisions,
      ),
      approvers: mine.map((a) => ({ userId: a.userId, name: a.name, latest: latest.get(a.userId) ?? null })),
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

/** An approver's decision on one part; only the approvers named for that part. */
export async function signOffPart(principal: Principal | null, planId: string, input: unknown) {
  const who = requireUser(principal);
  await requirePlan(who, planId, "read");
  const data = parseInput(partSignoffInput, input);
  const approvers = await listPartApprovers(planId);
  if (!approvers.some((a) => a.part === data.part && a.userId === who.userId))
    throw new ForbiddenError("Only the approvers named for this part can sign it off.");
  await insertPartSignoff({ planId, userId: who.userId, ...data });
}
