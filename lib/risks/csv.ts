/** The risk register as CSV (papaparse), one row per risk, with derived score, band and overdue flag. */
import Papa from "papaparse";
import { bandFor, overdueReviews, riskScore } from "@/lib/plan/risk";
import type { ISODate, Risk, RiskBand } from "@/lib/plan/types";
import { statusLabel } from "./view";

export const riskCsvHeader = [
  "Title",
  "Category",
  "Owner",
  "Likelihood",
  "Impact",
  "Score",
  "Band",
  "Status",
  "Review date",
  "Review overdue",
  "Linked tasks",
  "Description",
  "Trigger",
  "Mitigation",
  "Contingency plan",
] as const;

export function risksCsv(input: {
  risks: readonly Risk[];
  tasks: readonly { id: string; name: string }[];
  bands: readonly RiskBand[];
  nameOf: (id: string | null) => string | null;
  today: ISODate;
}): string {
  const taskName = new Map(input.tasks.map((t) => [t.id, t.name]));
  const overdue = new Set(overdueReviews(input.risks as Risk[], input.today).map((r) => r.id));
  const sorted = [...input.risks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const data = sorted.map((r) => {
    const score = riskScore(r);
    return [
      r.title,
      r.category,
      input.nameOf(r.ownerId) ?? "",
      r.likelihood,
      r.impact,
      score,
      bandFor(score, input.bands)?.label ?? "",
      statusLabel(r.status),
      r.reviewDate ?? "",
      overdue.has(r.id) ? "yes" : "no",
      r.linkedTaskIds
        .map((id) => taskName.get(id))
        .filter((n): n is string => n !== undefined)
        .join("; "),
      r.description,
      r.trigger,
      r.mitigation,
      r.contingency,
    ];
  });
  // escapeFormulae: a title like "=HYPERLINK(…)" must not run as a formula in a spreadsheet.
  return Papa.unparse({ fields: [...riskCsvHeader], data }, { escapeFormulae: true, newline: "\r\n" });
}
