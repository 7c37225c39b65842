import "server-only";
import {
  countOpenComments,
  getComment,
  insertAnnouncement,
  insertComment,
  listAnnouncements,
  listComments,
  setCommentResolved,
} from "@/db/queries/comments";
import { insertNotifications } from "@/db/queries/inbox";
import { listMembers } from "@/db/queries/workspaces";
import { canOnPlan, requirePlan, requireUser, type Principal } from "@/lib/access";
import { NotFoundError, parseInput } from "@/lib/errors";
import { appUrl, mailUsers } from "@/lib/mail/outbox";
import { mentioned as mentionedMail } from "@/lib/mail/templates";
import { planSections } from "@/lib/plan/template";
import { announcementInput, commentInput, keepMentions, plainBody } from "@/lib/validation/comments";
import { uuid } from "@/lib/validation/common";
import { emitEvent } from "@/lib/services/webhook-events";

/*
 * Who may talk on a plan:
 * - comment, resolve and reopen: every workspace member who may read the plan (managers, editors and
 *   viewers alike — a reviewer with read-only access still needs a voice); share-link holders may not;
 * - announce: the plan's managers (its owner, workspace owners and admins) — the same people who
 *   manage its access.
 */
const ANNOUNCE = "manage-access" as const;

/** Where a comment goes on the plan: a user principal who may read it. */
async function requireCommenter(principal: Principal | null, planId: string) {
  const who = requireUser(principal);
  const found = await requirePlan(who, planId, "read");
  return { ...found, principal: who };
}

const sectionTitle = (id: string) => planSections.find((s) => s.id === id)?.title ?? id;
const excerpt = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A plan's comments (with authors' names), open counts per section, and whether the caller may comment. */
export async function getPlanComments(principal: Principal | null, planId: string) {
  const found = await requirePlan(principal, planId, "read");
  const [comments, open] = await Promise.all([listComments(found.plan.id), countOpenComments(found.plan.id)]);
  return { comments, open, canComment: principal?.kind === "user" };
}

/**
 * Post a comment. Mentions of workspace members become inbox items for them; a mention of anyone
 * else is turned into plain text and notifies nobody.
 */
export async function addComment(principal: Principal | null, planId: string, input: unknown) {
  const { plan, principal: who } = await requireCommenter(principal, planId);
  const data = parseInput(commentInput, input);
  const members = await listMembers(plan.workspaceId);
  const { body, mentioned } = keepMentions(data.body, new Set(members.map((m) => m.userId)));
  const comment = await insertComment({
    planId: plan.id,
    section: data.section,
    targetType: data.targetType ?? null,
    targetId: data.targetId ?? null,
    authorId: who.userId,
    body,
  });
  const author = members.find((m) => m.userId === who.userId)?.name ?? "Someone";
  const told = mentioned.filter((id) => id !== who.userId);
  await insertNotifications(
    told.map((userId) => ({
      userId,
      kind: "mention" as const,
      planId: plan.id,
      actorId: who.userId,
      commentId: comment.id,
      summary: excerpt(`${author} mentioned you in ${sectionTitle(data.section)} of “${plan.title}”`, 200),
    })),
  );
  await mailUsers(told, "mention", () =>
    mentionedMail({
      actorName: author,
      planTitle: plan.title,
      sectionTitle: sectionTitle(data.section),
      url: appUrl(`/plans/${plan.id}#${data.section}`),
    }),
  );
  await emitEvent(plan.workspaceId, "comment.created", {
    planId: plan.id,
    commentId: comment.id,
    section: data.section,
    authorId: who.userId,
  });
  return comment;
}

/** Resolve (or reopen) a comment: anyone who may comment on its plan. */
export async function setResolved(principal: Principal | null, commentId: string, resolved: boolean) {
  const who = requireUser(principal);
  if (!uuid.safeParse(commentId).success) throw new NotFoundError("Comment");
  const comment = await getComment(commentId);
  if (!comment) throw new NotFoundError("Comment");
  await requireCommenter(who, comment.planId).catch((err) => {
    // Outsiders learn nothing about the comment either.
    throw err instanceof NotFoundError ? new NotFoundError("Comment") : err;
  });
  await setCommentResolved(comment.id, resolved ? who.userId : null);
  return { planId: comment.planId };
}

export async function getAnnouncements(principal: Principal | null, planId: string) {
  const found = await requirePlan(principal, planId, "read");
  return {
    announcements: await listAnnouncements(found.plan.id),
    canAnnounce: principal?.kind === "user" && canOnPlan(found.role, ANNOUNCE),
  };
}

/** A status update from the plan's managers, delivered to every other workspace member's inbox. */
export async function postAnnouncement(principal: Principal | null, planId: string, input: unknown) {
  const who = requireUser(principal);
  const { plan } = await requirePlan(who, planId, ANNOUNCE);
  const data = parseInput(announcementInput, input);
  const members = await listMembers(plan.workspaceId);
  const announcement = await insertAnnouncement({ planId: plan.id, authorId: who.userId, body: data.body });
  const author = members.find((m) => m.userId === who.userId)?.name ?? "Someone";
  await insertNotifications(
    members
      .filter((m) => m.userId !== who.userId)
      .map((m) => ({
        userId: m.userId,
        kind: "announcement" as const,
        planId: plan.id,
        actorId: who.userId,
        announcementId: announcement.id,
        summary: excerpt(`${author} posted an update on “${plan.title}”`, 200),
      })),
  );
  return announcement;
}

export { plainBody };
