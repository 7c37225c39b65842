import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { getPlanContent } from "@/db/queries/plan-content";
import {
  approverIds,
  currentDecisions,
  deleteApprover,
  insertApproval,
  insertApprover,
  insertNotifications,
  insertSignoff,
  isApprover,
  isWorkspaceMember,
  listApprovals,
  listApprovers,
  listSignoffs,
  setStatus,
  userName,
  withPlanLocked,
  type PlanStatus,
} from "@/db/queries/review";
import { listMembers } from "@/db/queries/workspaces";
import { canOnPlan, requirePlan, requireUser, type Principal } from "@/lib/access";
import { editPlanDocument } from "@/lib/collab/server-edit";
import { insertRow, randomUUID, readDocContent } from "@/lib/doc";
import { ConflictError, ForbiddenError, parseInput, ValidationError } from "@/lib/errors";
import { captureBaseline } from "@/lib/plan/baseline";
import { dateInTimeZone } from "@/lib/plan/dates";
import { changedSections, sectionDigests, type DigestedSection } from "@/lib/plan/section-digests";
import { statusLabels } from "@/lib/plan/template";
import { appUrl, mailUsers } from "@/lib/mail/outbox";
import { signoffDecision, signoffRequested } from "@/lib/mail/templates";
import { uuid } from "@/lib/validation/common";
import { emitEvent } from "@/lib/services/webhook-events";

export type { PlanStatus };

/**
 * Status changes a person may ask for directly. Approval itself only comes from the approvers'
 * sign-offs, and a request for changes sends the plan back to draft.
 */
const manualTransitions: Partial<Record<PlanStatus, PlanStatus[]>> = {
  draft: ["in_review"],
  approved: ["active"],
  active: ["done"],
};

export const COMMENT_MAX = 2000;

/** The statuses `from` may move to by hand. */
export function nextStatuses(from: PlanStatus): PlanStatus[] {
  return manualTransitions[from] ?? [];
}

/** Statuses in which the plan has been approved (and edits are compared with the approval). */
const approvedStatuses: PlanStatus[] = ["approved", "active", "done"];

/**
 * Everything the review page shows: approvers and their decisions in the current round, the
 * history, the latest approval, and which sections changed since it.
 */
export async function getReview(principal: Principal | null, planId: string) {
  const found = await requirePlan(principal, planId, "read");
  const me = found.principal.kind === "user" ? found.principal.userId : null;
  const [approvers, signoffs, approvals, members] = await Promise.all([
    listApprovers(planId),
    listSignoffs(planId),
    listApprovals(planId),
    found.principal.kind === "user" ? listMembers(found.plan.workspaceId) : Promise.resolve([]),
  ]);
  const decisions = await currentDecisions(await getDb(), planId);
  const latest = approvals[0] ?? null;
  const inReview = found.plan.status === "in_review";
  const changed =
    latest && approvedStatuses.includes(found.plan.status)
      ? await changesSinceApproval(planId, latest.sectionDigests)
      : [];
  // Who cleared the plan: each approver's approving sign-off of the round that ended with it.
  const clearedBy = latest
    ? approvers
        .map((a) =>
          signoffs.find((s) => s.userId === a.userId && s.decision === "approved" && s.createdAt <= latest.approvedAt),
        )
        .filter((s): s is (typeof signoffs)[number] => !!s)
    : [];
  return {
    plan: found.plan,
    role: found.role,
    approvers: approvers.map((a) => ({ ...a, current: inReview ? (decisions.get(a.userId) ?? null) : null })),
    signoffs,
    approval: latest ? { ...latest, clearedBy } : null,
    approvals,
    changed,
    members: members
      .filter((m) => !approvers.some((a) => a.userId === m.userId))
      .map((m) => ({ id: m.userId, name: m.name })),
    allMembers: members.map((m) => ({ id: m.userId, name: m.name })),
    may: {
      manageApprovers: canOnPlan(found.role, "manage-approvers") && (found.plan.status === "draft" || inReview),
      manageParts: canOnPlan(found.role, "manage-approvers"),
      requestParts: canOnPlan(found.role, "set-status"),
      sendForReview: canOnPlan(found.role, "set-status") && found.plan.status === "draft" && approvers.length > 0,
      signOff: inReview && !!me && approvers.some((a) => a.userId === me),
      setStatus: canOnPlan(found.role, "set-status")
        ? nextStatuses(found.plan.status).filter((s) => s !== "in_review")
        : [],
    },
  };
}

/**
 * What the plan page shows about approval: who cleared the plan and when, and the approved
 * fingerprints its section badges compare the live document with. Null until first approved.
 */
export async function getApprovalState(principal: Principal | null, planId: string) {
  const { plan } = await requirePlan(principal, planId, "read");
  if (!approvedStatuses.includes(plan.status)) return null;
  const [approvals, approvers, signoffs] = await Promise.all([
    listApprovals(planId),
    listApprovers(planId),
    listSignoffs(planId),
  ]);
  const latest = approvals[0];
  if (!latest) return null;
  const clearedBy = approvers
    .map((a) =>
      signoffs.find((s) => s.userId === a.userId && s.decision === "approved" && s.createdAt <= latest.approvedAt),
    )
    .filter((s): s is (typeof signoffs)[number] => !!s);
  return { approvedAt: latest.approvedAt, clearedBy, sectionDigests: latest.sectionDigests };
}

/** Sections whose content differs from what was approved (from the projection). */
export async function changesSinceApproval(
  planId: string,
  approved: Record<string, string>,
): Promise<DigestedSection[]> {
  return changedSections(approved, sectionDigests(await getPlanContent(planId)));
}

const approverInput = z.object({ userId: uuid });

/** Name a workspace member as an approver (managers; while the plan is a draft or in review). */
export async function addApprover(principal: Principal | null, planId: string, input: unknown) {
  const { plan } = await requirePlan(principal, planId, "manage-approvers");
  const who = requireUser(principal);
  const { userId } = parseInput(approverInput, input);
  if (plan.status !== "draft" && plan.status !== "in_review")
    throw new ConflictError(
      `Approvers can be changed while the plan is a draft or in review; it is ${statusLabels[plan.status].toLowerCase()}.`,
    );
  if (!(await isWorkspaceMember(plan.workspaceId, userId)))
    throw new ValidationError("Approvers must be members of the workspace.", {
      userId: ["Choose a member of this workspace."],
    });
  const added = await insertApprover(planId, userId, who.userId);
  if (added && plan.status === "in_review") {
    const actorName = await userName(who.userId);
    const subject = { planId, title: plan.title };
    await insertNotifications(await getDb(), [signoffRequest(subject, userId, who.userId, actorName)]);
    await mailSignoffRequests(subject, [userId], actorName);
  }
  return { added };
}

/** Remove an approver; in review, the others' approvals may then complete the round. */
export async function removeApprover(principal: Principal | null, planId: string, input: unknown) {
  const { plan } = await requirePlan(principal, planId, "manage-approvers");
  const { userId } = parseInput(approverInput, input);
  if (plan.status !== "draft" && plan.status !== "in_review")
    throw new ConflictError("Approvers can be changed while the plan is a draft or in review.");
  await deleteApprover(planId, userId);
  if (plan.status === "in_review") await completeIfAllApproved(planId);
}

const reviewUrl = (planId: string) => appUrl(`/plans/${planId}/review`);

/** What is signed off: the whole plan, or one named part of it (lib/plan/parts.ts). */
type SignoffSubject = { planId: string; title: string; part?: string };
const subjectText = ({ title, part }: SignoffSubject) => (part ? `${part} of “${title}”` : `“${title}”`);

/** Mail approvers that their sign-off is asked for (after the request is committed). */
export const mailSignoffRequests = (subject: SignoffSubject, userIds: string[], actorName: string) =>
  mailUsers(userIds, "signoff_request", () =>
    signoffRequested({ actorName, planTitle: subject.title, part: subject.part, url: reviewUrl(subject.planId) }),
  );

/** The inbox line asking one approver to sign off. */
export const signoffRequest = (subject: SignoffSubject, userId: string, actorId: string, actorName: string) => ({
  userId,
  kind: "signoff_request" as const,
  planId: subject.planId,
  actorId,
  summary: `${actorName} asked you to sign off ${subjectText(subject)}`.slice(0, 300),
});

type Decision = "approved" | "changes_requested";

/** The inbox line telling whoever waits for it (the owner, the requester) of an approver's decision. */
export const signoffNotice = (
  subject: SignoffSubject,
  userId: string,
  actorId: string,
  actorName: string,
  decision: Decision,
) => ({
  userId,
  kind: "signoff" as const,
  planId: subject.planId,
  actorId,
  summary:
    `${actorName} ${decision === "approved" ? "approved" : "requested changes to"} ${subjectText(subject)}`.slice(
      0,
      300,
    ),
});

export const mailSignoffDecision = (subject: SignoffSubject, userId: string, actorName: string, decision: Decision) =>
  mailUsers([userId], "signoff_decision", () =>
    signoffDecision({
      actorName,
      planTitle: subject.title,
      part: subject.part,
      decision,
      url: reviewUrl(subject.planId),
    }),
  );

/**
 * Move a plan along draft → in review → approved → active → done. "In review" needs at least one
 * approver and asks each of them to sign off; "approved" comes only from their sign-offs.
 */
export async function changeStatus(principal: Principal | null, planId: string, to: PlanStatus) {
  const { plan: before } = await requirePlan(principal, planId, "set-status");
  const who = requireUser(principal);
  const actorName = await userName(who.userId);
  let asked: string[] = [];
  const moved = await withPlanLocked(planId, async (tx, plan) => {
    if (plan.status === to) return plan;
    if (!nextStatuses(plan.status).includes(to)) {
      const why =
        to === "approved"
          ? "A plan becomes approved when every approver has signed off."
          : to === "draft" && plan.status === "in_review"
            ? "A plan in review goes back to draft when an approver requests changes."
            : `A plan that is ${statusLabels[plan.status].toLowerCase()} cannot become ${statusLabels[to].toLowerCase()}.`;
      throw new ConflictError(why, { status: [why] });
    }
    if (to === "in_review") {
      const ids = await approverIds(tx, planId);
      if (ids.length === 0)
        throw new ConflictError("Name at least one approver before sending the plan for review.", {
          status: ["Name an approver first."],
        });
      asked = ids.filter((id) => id !== who.userId);
      await insertNotifications(
        tx,
        asked.map((id) => signoffRequest({ planId, title: plan.title }, id, who.userId, actorName)),
      );
    }
    await setStatus(tx, planId, to);
    return { ...plan, status: to };
  });
  // Mailed once the status change is committed, so nobody is asked about a change that rolled back.
  if (asked.length) await mailSignoffRequests({ planId, title: moved.title }, asked, actorName);
  if (before.status !== moved.status) await statusChanged(moved, before.status);
  return moved;
}

const statusChanged = (plan: { id: string; workspaceId: string; status: PlanStatus }, from: PlanStatus) =>
  emitEvent(plan.workspaceId, "plan.status_changed", { planId: plan.id, from, to: plan.status });

const signoffInput = z
  .object({
    decision: z.enum(["approved", "changes_requested"], { message: "Choose approve or request changes." }),
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX, `A comment must be at most ${COMMENT_MAX.toLocaleString("en")} characters.`)
      .default(""),
  })
  .refine((v) => v.decision === "approved" || v.comment.length > 0, {
    message: "Say what needs to change.",
    path: ["comment"],
  });

/**
 * An approver's decision, with a comment. Only approvers named on the plan, only while it is in
 * review. A request for changes returns the plan to draft; the last approval approves it.
 */
export async function signOff(principal: Principal | null, planId: string, input: unknown) {
  const who = requireUser(principal);
  const { plan } = await requirePlan(principal, planId, "read");
  const data = parseInput(signoffInput, input);
  if (!(await isApprover(planId, who.userId)))
    throw new ForbiddenError("Only the approvers named on this plan can sign it off.");
  const actorName = await userName(who.userId);
  const outcome = await withPlanLocked(planId, async (tx, locked) => {
    if (locked.status !== "in_review")
      throw new ConflictError("This plan is not in review, so there is nothing to sign off.");
    await insertSignoff(tx, { planId, userId: who.userId, ...data });
    if (plan.ownerId && plan.ownerId !== who.userId)
      await insertNotifications(tx, [
        signoffNotice({ planId, title: plan.title }, plan.ownerId, who.userId, actorName, data.decision),
      ]);
    if (data.decision === "changes_requested") {
      await setStatus(tx, planId, "draft");
      return "draft" as const;
    }
    return (await allApproved(tx, planId)) ? ("approve" as const) : ("in_review" as const);
  });
  await emitEvent(plan.workspaceId, "plan.approval", { planId, userId: who.userId, decision: data.decision });
  if (plan.ownerId && plan.ownerId !== who.userId)
    await mailSignoffDecision({ planId, title: plan.title }, plan.ownerId, actorName, data.decision);
  if (outcome === "approve") await approve(planId);
  if (outcome !== "in_review")
    await statusChanged({ ...plan, status: outcome === "approve" ? "approved" : "draft" }, "in_review");
  return { status: outcome === "approve" ? ("approved" as const) : outcome };
}

async function allApproved(tx: Parameters<typeof approverIds>[0], planId: string) {
  const ids = await approverIds(tx, planId);
  const decisions = await currentDecisions(tx, planId);
  return ids.length > 0 && ids.every((id) => decisions.get(id)?.decision === "approved");
}

async function completeIfAllApproved(planId: string) {
  const ready = await withPlanLocked(
    planId,
    async (tx, plan) => plan.status === "in_review" && (await allApproved(tx, planId)),
  );
  if (ready) await approve(planId);
}

/**
 * Approve: freeze a baseline of the schedule into the document ("Approved <date>"), fingerprint
 * every section, record the approval, then mark the plan approved. The status changes last, so a
 * failure leaves the plan in review and the approvers' sign-offs stand.
 */
async function approve(planId: string) {
  const now = new Date();
  const baselineId = randomUUID();
  const { digests, frozen } = await editPlanDocument(
    planId,
    (doc) => {
      const { content } = readDocContent(doc);
      const baseline = captureBaseline(
        content.tasks,
        baselineId,
        `Approved ${dateInTimeZone(now, "UTC")}`,
        now.toISOString(),
      );
      const frozen = insertRow(doc, "baselines", baseline).ok;
      return { digests: sectionDigests(content), frozen };
    },
    "approval",
  );
  await withPlanLocked(planId, async (tx, plan) => {
    if (plan.status !== "in_review") return;
    await insertApproval(tx, { planId, baselineId: frozen ? baselineId : null, sectionDigests: digests });
    await setStatus(tx, planId, "approved");
  });
}
