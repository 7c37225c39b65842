import { planSections } from "@/lib/plan/template";

const labels: Record<string, string> = {
  ...Object.fromEntries(planSections.map((s) => [s.id, s.title])),
  settings: "Settings",
  other: "Other",
};

/** The title a person knows a section by ("schedule" → "Schedule"). */
export const sectionLabel = (id: string) => labels[id] ?? id;

/** "Schedule", "Schedule and Risks", "Schedule, Risks and Scope". */
export function sectionList(ids: readonly string[]): string {
  const names = ids.map(sectionLabel);
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
