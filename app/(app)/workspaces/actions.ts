"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions";
import { createPlan, deletePlan, updatePlan } from "@/lib/services/plans";
import { duplicatePlan } from "@/lib/services/templates";
import {
  cancelInvitation,
  changeMemberRole,
  createWorkspace,
  deleteWorkspace,
  inviteMember,
  removeMember,
  renameWorkspace,
} from "@/lib/services/workspaces";

const id = (v: string | undefined) => v ?? "";

export const createWorkspaceAction = authedAction(async (principal, f) => {
  const ws = await createWorkspace(principal, { name: f.name });
  redirect(`/workspaces/${ws.id}`);
});

export const renameWorkspaceAction = authedAction(async (principal, f) => {
  await renameWorkspace(principal, id(f.workspaceId), { name: f.name });
  revalidatePath(`/workspaces/${f.workspaceId}`, "layout");
  return { ok: true, message: "Workspace renamed." };
});

export const deleteWorkspaceAction = authedAction(async (principal, f) => {
  await deleteWorkspace(principal, id(f.workspaceId));
  redirect("/workspaces");
});

export const createPlanAction = authedAction(async (principal, f) => {
  // "Start from" an existing plan duplicates it; otherwise the implementation-plan template.
  const plan = f.source
    ? await duplicatePlan(principal, f.source, { title: f.title ?? "" })
    : await createPlan(principal, id(f.workspaceId), { title: f.title, summary: f.summary ?? "" });
  redirect(`/plans/${plan.id}`);
});

/** A copy of a plan ("Copy of …") in its workspace; opens the copy. */
export const duplicatePlanAction = authedAction(async (principal, f) => {
  const plan = await duplicatePlan(principal, id(f.planId));
  revalidatePath(`/workspaces/${plan.workspaceId}`);
  redirect(`/plans/${plan.id}`);
});

export const archivePlanAction = authedAction(async (principal, f) => {
  const plan = await updatePlan(principal, id(f.planId), { archived: f.archived === "true" });
  revalidatePath(`/workspaces/${plan.workspaceId}`);
  revalidatePath(`/plans/${plan.id}`);
});

export const deletePlanAction = authedAction(async (principal, f) => {
  await deletePlan(principal, id(f.planId));
  revalidatePath(`/workspaces/${f.workspaceId}`);
  if (f.redirectTo === "workspace") redirect(`/workspaces/${f.workspaceId}`);
});

export const inviteMemberAction = authedAction(async (principal, f) => {
  const result = await inviteMember(principal, id(f.workspaceId), { email: f.email, role: f.role });
  revalidatePath(`/workspaces/${f.workspaceId}/members`);
  return {
    ok: true,
    message:
      result.status === "added"
        ? `${result.email} already had an account and is now a ${result.role}.`
        : `Invitation saved: ${result.email} joins as ${result.role} when they sign up with that email.`,
  };
});

export const cancelInvitationAction = authedAction(async (principal, f) => {
  await cancelInvitation(principal, id(f.workspaceId), id(f.invitationId));
  revalidatePath(`/workspaces/${f.workspaceId}/members`);
});

export const changeRoleAction = authedAction(async (principal, f) => {
  await changeMemberRole(principal, id(f.workspaceId), id(f.userId), { role: f.role });
  revalidatePath(`/workspaces/${f.workspaceId}/members`);
  return { ok: true, message: "Role updated." };
});

export const removeMemberAction = authedAction(async (principal, f) => {
  await removeMember(principal, id(f.workspaceId), id(f.userId));
  revalidatePath(`/workspaces/${f.workspaceId}/members`);
});
