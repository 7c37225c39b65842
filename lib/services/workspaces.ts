import "server-only";
import { findUserByEmail, recipients } from "@/db/queries/users";
import {
  countOwners,
  deleteInvitation,
  deleteMembership,
  deleteWorkspaceById,
  getMemberRole,
  insertMembership,
  insertWorkspaceWithOwner,
  listInvitations,
  listMembers,
  listWorkspacesForUser,
  updateMemberRole,
  updateWorkspaceName,
  upsertInvitation,
} from "@/db/queries/workspaces";
import { collabAccessChanged } from "@/lib/collab/access-hook";
import { canChangeMember, canInviteAs, requireUser, requireWorkspace, type Principal } from "@/lib/access";
import { ConflictError, ForbiddenError, NotFoundError, parseInput } from "@/lib/errors";
import { appUrl, queueMail } from "@/lib/mail/outbox";
import { invitation } from "@/lib/mail/templates";
import { uuid } from "@/lib/validation/common";
import { changeRoleInput, createWorkspaceInput, inviteInput, updateWorkspaceInput } from "@/lib/validation/workspace";

export async function listMyWorkspaces(principal: Principal | null) {
  return listWorkspacesForUser(requireUser(principal).userId);
}

export async function createWorkspace(principal: Principal | null, input: unknown) {
  const who = requireUser(principal);
  const { name } = parseInput(createWorkspaceInput, input);
  return insertWorkspaceWithOwner(name, who.userId);
}

export async function getWorkspace(principal: Principal | null, workspaceId: string) {
  const { workspace, role } = await requireWorkspace(principal, workspaceId, "read");
  return { ...workspace, role };
}

export async function renameWorkspace(principal: Principal | null, workspaceId: string, input: unknown) {
  await requireWorkspace(principal, workspaceId, "rename");
  const { name } = parseInput(updateWorkspaceInput, input);
  return (await updateWorkspaceName(workspaceId, name))!;
}

export async function deleteWorkspace(principal: Principal | null, workspaceId: string) {
  await requireWorkspace(principal, workspaceId, "delete");
  await deleteWorkspaceById(workspaceId);
}

export async function getMembers(principal: Principal | null, workspaceId: string) {
  const { role } = await requireWorkspace(principal, workspaceId, "read");
  const [members, invitations] = await Promise.all([
    listMembers(workspaceId),
    role === "member" ? Promise.resolve([]) : listInvitations(workspaceId),
  ]);
  return { members, invitations, myRole: role };
}

/**
 * Invite someone by email. An existing account joins at once; otherwise the invitation
 * waits until someone signs up (or in) with that email.
 */
export async function inviteMember(principal: Principal | null, workspaceId: string, input: unknown) {
  const { role: actorRole, principal: who, workspace } = await requireWorkspace(principal, workspaceId, "invite");
  const { email, role } = parseInput(inviteInput, input);
  if (!canInviteAs(actorRole, role)) throw new ForbiddenError("Only owners can invite other owners.");
  const user = await findUserByEmail(email);
  if (user) {
    if (await getMemberRole(workspaceId, user.id)) {
      throw new ConflictError(`${email} is already a member of this workspace.`, { email: ["Already a member."] });
    }
    await insertMembership(workspaceId, user.id, role);
  } else {
    await upsertInvitation(workspaceId, email, role, who.userId);
  }
  // The sign-up link names the email (prefilled) and the workspace, where sign-up then lands.
  const next = encodeURIComponent(`/workspaces/${workspaceId}`);
  const url = user ? appUrl(`/signin?next=${next}`) : appUrl(`/signup?email=${encodeURIComponent(email)}&next=${next}`);
  const [inviter] = await recipients([who.userId]);
  await queueMail([
    {
      to: email,
      kind: "invitation",
      mail: invitation({
        workspaceName: workspace.name,
        inviterName: inviter?.name ?? "Someone",
        role,
        url,
        hasAccount: Boolean(user),
      }),
    },
  ]);
  return { status: user ? ("added" as const) : ("invited" as const), email, role };
}

export async function cancelInvitation(principal: Principal | null, workspaceId: string, invitationId: string) {
  await requireWorkspace(principal, workspaceId, "invite");
  if (!uuid.safeParse(invitationId).success || !(await deleteInvitation(workspaceId, invitationId))) {
    throw new NotFoundError("Invitation");
  }
}

async function memberChange(principal: Principal | null, workspaceId: string, userId: string) {
  const { role: actorRole } = await requireWorkspace(principal, workspaceId, "manage-members");
  const target = uuid.safeParse(userId).success ? await getMemberRole(workspaceId, userId) : undefined;
  if (!target) throw new NotFoundError("Member");
  return { actorRole, target };
}

export async function changeMemberRole(
  principal: Principal | null,
  workspaceId: string,
  userId: string,
  input: unknown,
) {
  const { actorRole, target } = await memberChange(principal, workspaceId, userId);
  const { role } = parseInput(changeRoleInput, input);
  if (!canChangeMember(actorRole, target, role))
    throw new ForbiddenError("Only owners can change an owner's role or make someone an owner.");
  if (target === "owner" && role !== "owner" && (await countOwners(workspaceId)) <= 1) {
    throw new ConflictError("A workspace needs at least one owner. Make someone else an owner first.");
  }
  await updateMemberRole(workspaceId, userId, role);
}

export async function removeMember(principal: Principal | null, workspaceId: string, userId: string) {
  const { actorRole, target } = await memberChange(principal, workspaceId, userId);
  if (!canChangeMember(actorRole, target, null)) throw new ForbiddenError("Only owners can remove an owner.");
  if (target === "owner" && (await countOwners(workspaceId)) <= 1) {
    throw new ConflictError("A workspace needs at least one owner. Make someone else an owner first.");
  }
  await deleteMembership(workspaceId, userId);
  // Their open plan sockets re-check access and close.
  await collabAccessChanged({ userId });
}
