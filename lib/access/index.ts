import "server-only";
import { cache } from "react";
import { getPlanById, getPlanForUser } from "@/db/queries/plans";
import { getWorkspaceMembership } from "@/db/queries/workspaces";
import { processMetrics } from "@/lib/metrics";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { uuid } from "@/lib/validation/common";
import {
  canOnPlan,
  canOnWorkspace,
  canWithLink,
  planRoleFor,
  type PlanAction,
  type PlanRole,
  type ShareGrant,
  type WorkspaceAction,
} from "./policy";

export * from "./policy";

/**
 * Who is asking. Every read and write of workspace or plan data names one: a signed-in user, or the
 * holder of a read-only share link (verified, for one plan).
 */
export type Principal = UserPrincipal | SharePrincipal;
export type UserPrincipal = { kind: "user"; userId: string };
export type SharePrincipal = {
  kind: "share";
  linkId: string;
  planId: string;
  expiresAt?: Date | null;
} & ShareGrant;

/** A signed-in user; share-link holders are not users and get nothing beyond their plan. */
export function requireUser(principal: Principal | null | undefined): UserPrincipal {
  if (!principal || principal.kind !== "user") throw new UnauthorizedError();
  return principal;
}

const isId = (id: string) => uuid.safeParse(id).success;

/**
 * Load a workspace the principal belongs to and check `action`.
 * Non-members get NotFound, never Forbidden: they learn nothing about what exists.
 */
export async function requireWorkspace(
  principal: Principal | null | undefined,
  workspaceId: string,
  action: WorkspaceAction,
) {
  const who = requireUser(principal);
  if (!isId(workspaceId)) throw new NotFoundError("Workspace");
  const row = await getWorkspaceMembership(workspaceId, who.userId);
  if (!row) throw new NotFoundError("Workspace");
  if (!canOnWorkspace(row.role, action)) throw new ForbiddenError();
  return { workspace: row.workspace, role: row.role, principal: who };
}

/**
 * A user's plan row with their roles (or a link's plan), read once per server render: a page whose
 * reads each authorize themselves asks the database once, not once per read (counted in
 * `planwright_access_plan_lookups_total`; e2e/access-once.spec.ts checks a page's count). React's
 * cache lasts one render; in route handlers, server actions and the collaboration server it reads
 * every time.
 */
const planForUser = cache((planId: string, userId: string) => {
  processMetrics().accessLookups.inc({ principal: "user" });
  return getPlanForUser(planId, userId);
});
const planForLink = cache((planId: string) => {
  processMetrics().accessLookups.inc({ principal: "share" });
  return getPlanById(planId);
});

/** Refusals are counted (`planwright_access_denied_total`) so a probing client shows up in the metrics. */
function denied(err: NotFoundError | ForbiddenError): never {
  processMetrics().accessDenied.inc({ reason: err instanceof ForbiddenError ? "forbidden" : "not_found" });
  throw err;
}

/** Load a plan the principal may see and check `action`; NotFound for anyone outside its workspace. */
export async function requirePlan(principal: Principal | null | undefined, planId: string, action: PlanAction) {
  if (principal?.kind === "share") return requireSharedPlan(principal, planId, action);
  const who = requireUser(principal);
  if (!isId(planId)) denied(new NotFoundError("Plan"));
  const row = await planForUser(planId, who.userId);
  if (!row || !row.role) denied(new NotFoundError("Plan"));
  const role: PlanRole = planRoleFor(row.role, row.plan.ownerId === who.userId, row.planRole);
  if (!canOnPlan(role, action)) denied(new ForbiddenError());
  return { plan: row.plan, workspaceName: row.workspaceName, workspaceRole: row.role, role, principal: who };
}

/** A share link reads its own plan and nothing else; archived plans stay readable, deleted ones vanish. */
async function requireSharedPlan(principal: SharePrincipal, planId: string, action: PlanAction) {
  if (principal.planId !== planId || !isId(planId)) denied(new NotFoundError("Plan"));
  const row = await planForLink(planId);
  if (!row) denied(new NotFoundError("Plan"));
  if (!canWithLink(principal, action))
    denied(
      new ForbiddenError(
        action === "export"
          ? "This link does not allow downloads."
          : action === "leave-feedback"
            ? "This link does not take feedback."
            : "This link gives read-only access.",
      ),
    );
  return {
    plan: row.plan,
    workspaceName: row.workspaceName,
    workspaceRole: null,
    role: "viewer" as PlanRole,
    principal,
  };
}
