import type { PlanMemberRole, WorkspaceRole } from "@/db/schema";

/**
 * What someone may do with a plan:
 * - manager: workspace owner/admin, or the plan's own owner — everything, including archive and delete;
 * - editor: any other workspace member — read and edit content, rename;
 * - viewer: read only.
 */
export type PlanRole = "manager" | "editor" | "viewer";
export type PlanAction =
  | "read"
  | "edit"
  | "rename"
  | "set-status"
  | "share"
  | "manage-access"
  | "archive"
  | "delete"
  | "manage-approvers"
  | "duplicate"
  | "export"
  | "leave-feedback";
export type WorkspaceAction =
  "read" | "create-plan" | "rename" | "invite" | "manage-members" | "manage-webhooks" | "delete";

const planRules: Record<PlanAction, readonly PlanRole[]> = {
  read: ["manager", "editor", "viewer"],
  edit: ["manager", "editor"],
  rename: ["manager", "editor"],
  "set-status": ["manager", "editor"],
  share: ["manager", "editor"],
  "manage-access": ["manager"],
  archive: ["manager"],
  delete: ["manager"],
  // Sign-off: managers choose who approves; the approvers themselves are checked by name (lib/services/review.ts).
  "manage-approvers": ["manager"],
  duplicate: ["manager", "editor"],
  export: ["manager", "editor", "viewer"],
  // Members comment instead (lib/services/comments.ts); feedback is how a link's reader speaks.
  "leave-feedback": [],
};

/** What the creator of a share link allowed beyond reading. */
export type ShareGrant = { allowFeedback?: boolean; allowDownloads?: boolean };

/**
 * What a share link's holder may do with its one plan: read it; download it and leave feedback
 * (never a write to the plan) only when the link allows; nothing else.
 */
export function canWithLink(grant: ShareGrant, action: PlanAction): boolean {
  if (action === "read") return true;
  if (action === "export") return grant.allowDownloads === true;
  if (action === "leave-feedback") return grant.allowFeedback === true;
  return false;
}

const workspaceRules: Record<WorkspaceAction, readonly WorkspaceRole[]> = {
  read: ["owner", "admin", "member"],
  "create-plan": ["owner", "admin", "member"],
  rename: ["owner", "admin"],
  invite: ["owner", "admin"],
  "manage-members": ["owner", "admin"],
  // A webhook's secret and the content it sends are for those who run the workspace.
  "manage-webhooks": ["owner", "admin"],
  delete: ["owner"],
};

export function canOnPlan(role: PlanRole, action: PlanAction): boolean {
  return planRules[action].includes(role);
}

export function canOnWorkspace(role: WorkspaceRole, action: WorkspaceAction): boolean {
  return workspaceRules[action].includes(role);
}

/**
 * The plan role a workspace member holds on one of its plans: owners, admins and the plan's owner
 * manage it; other members edit unless the plan makes them viewers.
 */
export function planRoleFor(
  workspaceRole: WorkspaceRole,
  isPlanOwner: boolean,
  override?: PlanMemberRole | null,
): PlanRole {
  if (workspaceRole === "owner" || workspaceRole === "admin" || isPlanOwner) return "manager";
  return override ?? "editor";
}

/**
 * Whether `actor` may give `target` the role `next` (or remove them when `next` is null).
 * Admins manage members and admins; only owners touch owners.
 */
export function canChangeMember(actor: WorkspaceRole, target: WorkspaceRole, next: WorkspaceRole | null): boolean {
  if (!canOnWorkspace(actor, "manage-members")) return false;
  if (actor === "owner") return true;
  return target !== "owner" && next !== "owner";
}

/** Which roles `actor` may hand out in an invitation. */
export function canInviteAs(actor: WorkspaceRole, role: WorkspaceRole): boolean {
  return canOnWorkspace(actor, "invite") && (actor === "owner" || role !== "owner");
}
