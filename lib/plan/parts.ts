/**
 * Named parts of a plan that can be signed off on their own, apart from the whole plan, each mapped
 * to the template sections it covers. A fixed list: approvers and reports name parts by these ids.
 */
import type { PlanSectionId } from "./template";

export const approvalParts = [
  { id: "resources", title: "Resource allocation", sections: ["resources", "raci"] },
  { id: "schedule", title: "Schedule", sections: ["schedule"] },
  { id: "budget", title: "Budget", sections: ["resources"] },
] as const satisfies readonly { id: string; title: string; sections: readonly PlanSectionId[] }[];

export type ApprovalPartId = (typeof approvalParts)[number]["id"];
export const approvalPartIds = approvalParts.map((p) => p.id) as [ApprovalPartId, ...ApprovalPartId[]];

export type PartDecision = "approved" | "changes_requested";
export type PartStatus = "approved" | "changes_requested" | "pending" | "no_approvers";

/**
 * A part is approved when it has approvers and each one's latest decision approves it; changes are
 * requested when any latest decision asks for them; pending otherwise.
 */
export function partStatus(approverIds: readonly string[], latest: ReadonlyMap<string, PartDecision>): PartStatus {
  if (approverIds.length === 0) return "no_approvers";
  const decisions = approverIds.map((id) => latest.get(id));
  if (decisions.some((d) => d === "changes_requested")) return "changes_requested";
  return decisions.every((d) => d === "approved") ? "approved" : "pending";
}
