/**
 * A fingerprint of each plan section's content, so an approved plan can tell which sections changed
 * since it was approved. The same digest comes out of the live document (readDocContent) and of the
 * projection (getPlanContent): rows are sorted by id, keys sorted, and numbers rounded the way the
 * projection stores them. Pure and isomorphic (browser and server).
 */
import { digest } from "lib0/hash/sha256";
import type { DocContent } from "@/lib/doc/layout";

/** Sections whose content is fingerprinted (metrics are derived, so they never "change" on their own). */
export const DIGESTED_SECTIONS = [
  "objectives",
  "scope",
  "deliverables",
  "strategy",
  "schedule",
  "risks",
  "resources",
  "raci",
] as const;
export type DigestedSection = (typeof DIGESTED_SECTIONS)[number];
export type SectionDigests = Record<DigestedSection, string>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** JSON with sorted keys and rounded numbers: equal content gives equal text. */
function canonical(value: unknown): string {
  if (typeof value === "number") return JSON.stringify(round2(value));
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const hash = (value: unknown) => hex(digest(new TextEncoder().encode(canonical(value)))).slice(0, 32);

/** What each section's fingerprint covers. Saved baselines are not part of the schedule itself. */
export function sectionContent(c: DocContent): Record<DigestedSection, unknown> {
  return {
    objectives: byId(c.objectives),
    scope: { items: byId(c.scopeItems), text: c.scopeText },
    deliverables: byId(c.deliverables),
    strategy: c.strategy,
    schedule: {
      // The projection keeps whole percents.
      tasks: byId(c.tasks).map((t) => ({ ...t, progress: Math.round(t.progress) })),
      dependencies: byId(c.dependencies),
      holidays: byId(c.holidays),
      workingWeekdays: c.settings.workingWeekdays,
    },
    risks: { risks: byId(c.risks), swot: byId(c.swotItems), bands: c.settings.riskBands },
    resources: { resources: byId(c.resources), budget: byId(c.budgetLines), currency: c.settings.currency },
    raci: {
      columns: byId(c.raciColumns),
      cells: [...c.raciCells].sort((a, b) => (`${a.rowId}:${a.columnId}` < `${b.rowId}:${b.columnId}` ? -1 : 1)),
      threshold: c.settings.raciOverloadThreshold,
    },
  };
}

/** One digest per section. */
export function sectionDigests(c: DocContent): SectionDigests {
  const parts = sectionContent(c);
  return Object.fromEntries(DIGESTED_SECTIONS.map((s) => [s, hash(parts[s])])) as SectionDigests;
}

/** Sections whose digest differs from the approved one (sections unknown at approval count as unchanged). */
export function changedSections(approved: Partial<Record<string, string>>, current: SectionDigests): DigestedSection[] {
  return DIGESTED_SECTIONS.filter((s) => approved[s] !== undefined && approved[s] !== current[s]);
}
