/**
 * The capacity tables, as header and rows of plain text, shared by the Markdown and print exports
 * (each escapes and lays them out its own way).
 */
import { absencesText, ceilingNote, type ExportCapacity } from "./capacity";
import { money } from "./model";
import type { CeilingCheck } from "@/lib/plan/budget";

export type TextTable = { head: string[]; rows: string[][] };

export const availabilityTable = (cap: ExportCapacity): TextTable => ({
  head: ["Person", "Role", "Hours a week", "Allocation", "Hours a week for this plan", "Away"],
  rows: cap.people.map((p) => [
    p.name,
    p.role,
    `${p.hoursPerWeek} h`,
    `${p.allocation}%`,
    `${p.planHours} h`,
    absencesText(p.absences) || "Not away",
  ]),
});

export const ceilingTable = (c: CeilingCheck): TextTable => ({
  head: ["Ceiling", "Planned", "Actual", "Headroom", "Check"],
  rows: [
    [
      money(c.ceiling, c.currency),
      money(c.planned, c.currency),
      money(c.actual, c.currency),
      money(c.headroom, c.currency),
      ceilingNote(c),
    ],
  ],
});

export const requestsTable = (cap: ExportCapacity): TextTable => ({
  head: ["What", "Why", "Estimated cost", "Status"],
  rows: cap.requests.map((r) => [r.what, r.why, money(r.estimatedCost, cap.currency), r.statusLabel]),
});

/** The sentence under the ceiling table. */
export const ceilingBasis = (c: CeilingCheck) =>
  `Planned and actual count the budget lines in ${c.currency}, the plan's currency.`;
/** The sentence under the requests table. */
export const requestsTotal = (cap: ExportCapacity) =>
  `Estimated cost of the requests not declined: ${money(cap.requestedCost, cap.currency)}`;
