/**
 * What the risk register shows: filtering (status, owner, score band, heat-map cell), sorting and
 * grouping by category. Pure functions over plain rows, shared by the table and its tests.
 */
import { bandFor, riskScore } from "@/lib/plan/risk";
import type { Risk, RiskBand, RiskBandId, RiskStatus } from "@/lib/plan/types";

export const riskStatuses: readonly { id: RiskStatus; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "mitigating", label: "Mitigating" },
  { id: "occurred", label: "Occurred" },
  { id: "closed", label: "Closed" },
];
export const statusLabel = (s: RiskStatus) => riskStatuses.find((x) => x.id === s)?.label ?? s;

/** Owner filter value for risks nobody owns. */
export const NO_OWNER = "none";

export interface RiskFilter {
  status: RiskStatus | null;
  /** An owner id, NO_OWNER, or null for anyone. */
  owner: string | null;
  band: RiskBandId | null;
  /** A heat-map cell: only risks with this likelihood and impact. */
  cell: { likelihood: number; impact: number } | null;
}

export const noFilter: RiskFilter = { status: null, owner: null, band: null, cell: null };

export const isFiltered = (f: RiskFilter) =>
  f.status !== null || f.owner !== null || f.band !== null || f.cell !== null;

export function filterRisks(risks: readonly Risk[], f: RiskFilter, bands: readonly RiskBand[]): Risk[] {
  return risks.filter(
    (r) =>
      (f.status === null || r.status === f.status) &&
      (f.owner === null || (f.owner === NO_OWNER ? r.ownerId === null : r.ownerId === f.owner)) &&
      (f.band === null || bandFor(riskScore(r), bands)?.id === f.band) &&
      (f.cell === null || (r.likelihood === f.cell.likelihood && r.impact === f.cell.impact)),
  );
}

export const sortKeys = [
  "created",
  "title",
  "category",
  "owner",
  "likelihood",
  "impact",
  "score",
  "status",
  "reviewDate",
] as const;
export type RiskSortKey = (typeof sortKeys)[number];
export interface RiskSort {
  key: RiskSortKey;
  direction: "asc" | "desc";
}
export const defaultSort: RiskSort = { key: "created", direction: "asc" };

const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
const statusRank = (s: RiskStatus) => riskStatuses.findIndex((x) => x.id === s);

/**
 * Sorted copy. Empty values (no owner, no review date, blank text) go last in either direction;
 * ties keep creation order (ids are time-ordered), so rows never jump about between renders.
 */
export function sortRisks(
  risks: readonly Risk[],
  sort: RiskSort,
  nameOf: (id: string | null) => string | null = () => null,
): Risk[] {
  const value = (r: Risk): string | number | null => {
    switch (sort.key) {
      case "created":
        return null;
      case "title":
        return r.title.trim() || null;
      case "category":
        return r.category.trim() || null;
      case "owner":
        return nameOf(r.ownerId) ?? null;
      case "likelihood":
        return r.likelihood;
      case "impact":
        return r.impact;
      case "score":
        return riskScore(r);
      case "status":
        return statusRank(r.status);
      case "reviewDate":
        return r.reviewDate;
    }
  };
  const sign = sort.direction === "asc" ? 1 : -1;
  const byId = (a: Risk, b: Risk) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort.key === "created") return [...risks].sort((a, b) => sign * byId(a, b));
  return [...risks].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byId(a, b) : va === null ? 1 : -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : text(String(va), String(vb));
    return c !== 0 ? sign * c : byId(a, b);
  });
}

export interface RiskGroup {
  category: string;
  risks: Risk[];
}

/** Risks by category (trimmed, case kept from the first seen), categories A–Z, uncategorised last; order inside kept. */
export function groupByCategory(risks: readonly Risk[]): RiskGroup[] {
  const groups = new Map<string, RiskGroup>();
  for (const r of risks) {
    const name = r.category.trim();
    const key = name.toLocaleLowerCase();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { category: name, risks: [] }));
    g.risks.push(r);
  }
  return [...groups.values()].sort((a, b) =>
    a.category === "" ? 1 : b.category === "" ? -1 : text(a.category, b.category),
  );
}

export interface OwnerOption {
  id: string;
  name: string;
}

/**
 * Who can own a risk: the plan's people (resources of kind person) and the workspace members not
 * already listed as one of those people. Sorted by name.
 */
export function ownerOptions(
  resources: readonly { id: string; kind: string; name: string; userId: string | null }[],
  members: readonly OwnerOption[],
): OwnerOption[] {
  const people = resources.filter((r) => r.kind === "person");
  const linked = new Set(people.map((p) => p.userId).filter(Boolean));
  const options = [
    ...people.map((p) => ({ id: p.id, name: p.name.trim() || "Unnamed person" })),
    ...members.filter((m) => !linked.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
  ];
  return options.sort((a, b) => text(a.name, b.name));
}
