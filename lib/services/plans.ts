import "server-only";
import { getPlanContent } from "@/db/queries/plan-content";
import { deletePlanRow, insertPlan, listPlans, updatePlanRow } from "@/db/queries/plans";
import { listMembers } from "@/db/queries/workspaces";
import { requirePlan, requireWorkspace, type Principal } from "@/lib/access";
import { collabAccessChanged } from "@/lib/collab/access-hook";
import { parseInput } from "@/lib/errors";
import { changeStatus } from "@/lib/services/review";
import { createPlanInput, planListFilter, updatePlanInput } from "@/lib/validation/plan";

export async function listWorkspacePlans(
  principal: Principal | null,
  workspaceId: string,
  opts: { archived?: boolean; priority?: unknown } = {},
) {
  await requireWorkspace(principal, workspaceId, "read");
  // A filter from the address bar: an unknown priority shows every plan rather than an error page.
  const { priority } = planListFilter.parse({ priority: opts.priority });
  return listPlans(workspaceId, { archived: opts.archived, priority });
}

/** Create a plan from the implementation-plan template; the creator owns it. */
export async function createPlan(principal: Principal | null, workspaceId: string, input: unknown) {
  const { principal: who } = await requireWorkspace(principal, workspaceId, "create-plan");
  const data = parseInput(createPlanInput, input);
  return insertPlan({ workspaceId, title: data.title, summary: data.summary, ownerId: who.userId });
}

/** The plan and what the principal may do with it. NotFound for anyone outside its workspace. */
export async function getPlan(principal: Principal | null, planId: string) {
  return requirePlan(principal, planId, "read");
}

export async function updatePlan(principal: Principal | null, planId: string, input: unknown) {
  const data = parseInput(updatePlanInput, input);
  if (data.archived !== undefined) await requirePlan(principal, planId, "archive");
  if (data.title !== undefined || data.summary !== undefined || data.priority !== undefined)
    await requirePlan(principal, planId, "rename");
  // Status follows the review workflow's transitions (lib/services/review.ts).
  const { archived, status, ...rest } = data;
  const moved = status === undefined ? null : await changeStatus(principal, planId, status);
  const values = { ...rest, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) };
  if (moved && Object.keys(values).length === 0) return moved;
  return (await updatePlanRow(planId, values))!;
}

export async function deletePlan(principal: Principal | null, planId: string) {
  await requirePlan(principal, planId, "delete");
  await deletePlanRow(planId);
  await collabAccessChanged({ planId });
}

/**
 * Everything a plan page renders on first paint: the plan, the caller's role, its content as last
 * projected, and the names (never emails) of the workspace members its rows may refer to.
 */
export async function getPlanView(principal: Principal | null, planId: string) {
  const found = await requirePlan(principal, planId, "read");
  const [content, members] = await Promise.all([getPlanContent(planId), listMembers(found.plan.workspaceId)]);
  return { ...found, content, members: members.map((m) => ({ id: m.userId, name: m.name })) };
}
