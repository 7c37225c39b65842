import "server-only";
import type { Principal, SharePrincipal } from "@/lib/access";
import { NotFoundError } from "@/lib/errors";
import { dateInTimeZone } from "@/lib/plan/dates";
import { raciCsv } from "@/lib/raci/csv";
import { risksCsv } from "@/lib/risks/csv";
import { getPlanView } from "@/lib/services/plans";
import { principalFromShareToken } from "@/lib/services/sharing";

export type PlanCsv = { filename: string; body: string };

/** A file name from the plan's title: letters, digits and dashes only. */
const fileStem = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60) || "plan";

type PlanView = Awaited<ReturnType<typeof getPlanView>>;

/** The risk register or the RACI grid of a plan already read, as CSV text (also the workbook's sheets). */
export function planCsvBody({ content, members }: PlanView, which: "risks" | "raci"): string {
  const memberNames = new Map(members.map((m) => [m.id, m.name]));
  if (which === "raci") {
    return raciCsv({
      tasks: content.tasks,
      deliverables: content.deliverables,
      columns: content.raciColumns,
      cells: content.raciCells,
      memberName: (id) => memberNames.get(id) ?? null,
    });
  }
  const names = new Map([...memberNames, ...content.resources.map((r) => [r.id, r.name] as const)]);
  return risksCsv({
    risks: content.risks,
    tasks: content.tasks,
    bands: content.settings.riskBands,
    nameOf: (id) => (id ? (names.get(id) ?? null) : null),
    today: dateInTimeZone(new Date(), "UTC"),
  });
}

/**
 * The risk register or the RACI grid of a plan as CSV, from its projection, for anyone who may
 * read the plan (members of any role, and read-only links).
 */
export async function exportPlanCsv(
  principal: Principal | null,
  planId: string,
  which: "risks" | "raci",
): Promise<PlanCsv> {
  const view = await getPlanView(principal, planId);
  return { filename: `${fileStem(view.plan.title)}-${which}.csv`, body: planCsvBody(view, which) };
}

/** The principal for a CSV download by a read-only link's token (its holder has no session). */
export async function sharePrincipalFor(token: string): Promise<SharePrincipal> {
  const principal = await principalFromShareToken(token);
  if (!principal) throw new NotFoundError("Link");
  return principal;
}
