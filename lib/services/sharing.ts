import "server-only";
import crypto from "node:crypto";
import {
  countShareView,
  findShareLinkByHash,
  insertShareLink,
  listPlanAccess,
  listShareLinks,
  revokeShareLinkRow,
  setPlanMemberRole,
  updateShareLinkOptions,
} from "@/db/queries/sharing";
import { getMemberRole } from "@/db/queries/workspaces";
import { requirePlan, requireUser, type Principal, type SharePrincipal } from "@/lib/access";
import { collabAccessChanged } from "@/lib/collab/access-hook";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors";
import { getPlanView } from "@/lib/services/plans";
import { uuid } from "@/lib/validation/common";
import { createShareLinkInput, planMemberRoleInput, shareOptionsInput } from "@/lib/validation/sharing";

/** 32 random bytes (256 bits) from the CSPRNG, URL-safe: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const digest = (token: string) => crypto.createHash("sha256").update(token).digest();

/** Create a read-only link; the token is returned once and only its digest is stored. */
export async function createShareLink(principal: Principal | null, planId: string, input: unknown) {
  const who = requireUser(principal);
  await requirePlan(who, planId, "share");
  const { label, expiresInDays, allowFeedback, allowDownloads } = parseInput(createShareLinkInput, input);
  const token = crypto.randomBytes(TOKEN_BYTES).toString("base64url");
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const link = await insertShareLink({
    planId,
    tokenHash: digest(token).toString("hex"),
    label,
    createdBy: who.userId,
    expiresAt,
    allowFeedback,
    allowDownloads,
  });
  return { id: link.id, label: link.label, expiresAt: link.expiresAt, token, path: `/s/${token}` };
}

export async function getShareLinks(principal: Principal | null, planId: string) {
  await requirePlan(principal, planId, "share");
  return listShareLinks(planId);
}

/** Revoke a link; its open sockets are closed at once. */
export async function revokeShareLink(principal: Principal | null, planId: string, linkId: string) {
  await requirePlan(principal, planId, "share");
  if (!uuid.safeParse(linkId).success || !(await revokeShareLinkRow(planId, linkId))) throw new NotFoundError("Link");
  await collabAccessChanged({ planId, shareTokenId: linkId });
}

/** Change what a link allows beyond reading (feedback, downloads); reading itself never changes. */
export async function setShareLinkOptions(principal: Principal | null, planId: string, linkId: string, input: unknown) {
  await requirePlan(principal, planId, "share");
  const options = parseInput(shareOptionsInput, input);
  if (!uuid.safeParse(linkId).success || !(await updateShareLinkOptions(planId, linkId, options)))
    throw new NotFoundError("Link");
}

/**
 * The principal a share token stands for, or null when it is malformed, unknown, revoked or expired.
 * The lookup is by digest; the stored digest is then compared in constant time as well.
 */
export async function principalFromShareToken(token: string, now = new Date()): Promise<SharePrincipal | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const presented = digest(token);
  const link = await findShareLinkByHash(presented.toString("hex"));
  if (!link) return null;
  const stored = Buffer.from(link.tokenHash, "hex");
  if (stored.length !== presented.length || !crypto.timingSafeEqual(stored, presented)) return null;
  if (link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
  return {
    kind: "share",
    linkId: link.id,
    planId: link.planId,
    expiresAt: link.expiresAt,
    allowFeedback: link.allowFeedback,
    allowDownloads: link.allowDownloads,
  };
}

/**
 * For the collaboration server: the link behind `token` if it may read `planId` right now
 * (checked through lib/access like every other read), else null.
 */
export async function shareLinkForPlan(
  token: string,
  planId: string,
): Promise<{ tokenId: string; expiresAt: Date | null } | null> {
  const principal = await principalFromShareToken(token);
  if (!principal) return null;
  try {
    await requirePlan(principal, planId, "read");
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
  return { tokenId: principal.linkId, expiresAt: principal.expiresAt ?? null };
}

/** Count one page view of a link (shown to the plan's editors as views and last use). */
export async function recordShareView(principal: SharePrincipal) {
  await countShareView(principal.linkId);
}

/** The principal of a live share token, or NotFound. */
export async function requireShareToken(token: string): Promise<SharePrincipal> {
  const principal = await principalFromShareToken(token);
  if (!principal) throw new NotFoundError("Link");
  return principal;
}

/** The plan behind a share token, or NotFound. */
export async function getSharedPlan(token: string) {
  const principal = await requireShareToken(token);
  const found = await requirePlan(principal, principal.planId, "read");
  return { ...found, principal };
}

/** Everything the read-only page renders, through the same access check as members' pages. */
export async function getSharedPlanView(token: string) {
  const principal = await requireShareToken(token);
  return { ...(await getPlanView(principal, principal.planId)), principal };
}

/** Members of the plan's workspace and the role each holds on this plan. */
export async function getPlanAccess(principal: Principal | null, planId: string) {
  await requirePlan(principal, planId, "manage-access");
  return listPlanAccess(planId);
}

/** Make a workspace member a viewer of one plan (or an editor again). Managers keep managing. */
export async function setPlanRole(principal: Principal | null, planId: string, userId: string, input: unknown) {
  const { plan } = await requirePlan(principal, planId, "manage-access");
  const { role } = parseInput(planMemberRoleInput, input);
  const workspaceRole = uuid.safeParse(userId).success ? await getMemberRole(plan.workspaceId, userId) : undefined;
  if (!workspaceRole) throw new NotFoundError("Member");
  if (workspaceRole !== "member" || plan.ownerId === userId) {
    throw new ConflictError(
      "Workspace owners, admins and the plan's owner always manage the plan; their role here cannot change.",
    );
  }
  await setPlanMemberRole(planId, userId, role);
  await collabAccessChanged({ planId, userId });
}
