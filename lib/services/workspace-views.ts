import "server-only";
import { listOpenRisks, listTasksFor, listWorkspaceMilestones } from "@/db/queries/workspace-views";
import { listMembers } from "@/db/queries/workspaces";
import { requireWorkspace, type Principal } from "@/lib/access";
import { settingsSchema } from "@/lib/doc";
import { endOfWeek, groupMyTasks } from "@/lib/plan/my-tasks";
import { bandFor, defaultRiskBands } from "@/lib/plan/risk";
import type { ISODate, RiskBand } from "@/lib/plan/types";
import { viewsFilter } from "@/lib/validation/plan";

/** A plan's own score bands from its projected settings, or the defaults. */
function bandsOf(settings: Record<string, unknown> | null): RiskBand[] {
  const parsed = settingsSchema.shape.riskBands.safeParse(settings?.riskBands);
  return parsed.success ? parsed.data : defaultRiskBands;
}

/**
 * The workspace's cross-plan views for the caller: their tasks grouped overdue / this week / later
 * (done ones on request, one priority when filtered), every milestone on one timeline, and the open
 * risks in each plan's high or critical band. Every member may read every plan of their workspace
 * (lib/access), so membership is the check. `filter` comes from the address bar: unknown values are
 * ignored rather than refused.
 */
export async function getWorkspaceViews(
  principal: Principal | null,
  workspaceId: string,
  today: ISODate,
  filter: unknown = {},
) {
  const { workspace, principal: who } = await requireWorkspace(principal, workspaceId, "read");
  const { showDone, priority } = viewsFilter.parse(filter);
  // The lowest score any band could call high: prefilter in SQL, then apply each plan's bands.
  const [tasks, milestones, risks, members] = await Promise.all([
    listTasksFor(workspace.id, who.userId, { includeDone: showDone, priority }),
    listWorkspaceMilestones(workspace.id),
    listOpenRisks(workspace.id, 1),
    listMembers(workspace.id),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const highRisks = risks
    .map(({ settings, ownerResourceName, ...r }) => ({
      ...r,
      band: bandFor(r.score, bandsOf(settings)),
      ownerName: ownerResourceName ?? (r.ownerId ? (names.get(r.ownerId) ?? null) : null),
    }))
    .filter((r) => r.band?.id === "high" || r.band?.id === "critical");
  const taskGroups = groupMyTasks(tasks, today, { showDone });
  return { workspace, today, weekEnd: endOfWeek(today), showDone, priority, taskGroups, milestones, highRisks };
}
