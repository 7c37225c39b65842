/**
 * Research entries and the plan rows their findings informed. Links are ids of objectives, scope
 * items, risks or tasks; one whose row was deleted is kept in the document and simply not shown. Pure.
 */
import type { ResearchKind } from "./types";

export const researchKindLabels: Record<ResearchKind, string> = {
  interview: "Interview",
  survey: "Survey",
  focus_group: "Focus group",
  observation: "Observation",
  document: "Document review",
};

export type LinkTarget = { id: string; kind: "objective" | "scope" | "risk" | "task"; label: string };

type Named = { id: string; title?: string; name?: string; text?: string };

const labelOf = (r: Named) => (r.title ?? r.name ?? r.text ?? "").trim() || "Untitled";

/** Every row a finding may link to, by id, with what it is and a label. */
export function linkTargets(rows: {
  objectives: readonly Named[];
  scopeItems: readonly Named[];
  risks: readonly Named[];
  tasks: readonly Named[];
}): Map<string, LinkTarget> {
  const out = new Map<string, LinkTarget>();
  const add = (kind: LinkTarget["kind"], list: readonly Named[]) => {
    for (const r of list) out.set(r.id, { id: r.id, kind, label: labelOf(r) });
  };
  add("objective", rows.objectives);
  add("scope", rows.scopeItems);
  add("risk", rows.risks);
  add("task", rows.tasks);
  return out;
}

/** The links that still point at a row, in the entry's order (dangling ids are tolerated, not shown). */
export const resolveLinks = (ids: readonly string[], targets: Map<string, LinkTarget>) =>
  ids.flatMap((id) => {
    const t = targets.get(id);
    return t ? [t] : [];
  });
