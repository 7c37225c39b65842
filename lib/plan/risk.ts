/** Risk scoring: likelihood × impact, score bands, the 5×5 heat map, exposure and overdue reviews. */
import { compareDates } from "./dates";
import type { ISODate, Risk, RiskBand, RiskBandId } from "./types";

export const MIN_SCORE = 1;
export const MAX_SCORE = 25;

/** The bands a plan starts with. */
export const defaultRiskBands: RiskBand[] = [
  { id: "low", label: "Low", min: 1, max: 4 },
  { id: "medium", label: "Medium", min: 5, max: 9 },
  { id: "high", label: "High", min: 10, max: 16 },
  { id: "critical", label: "Critical", min: 17, max: 25 },
];

/** likelihood × impact, 1–25. */
export function riskScore(risk: Pick<Risk, "likelihood" | "impact">): number {
  return risk.likelihood * risk.impact;
}

const inScale = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;

/**
 * Why a set of bands cannot be used, one sentence per problem (empty when fine): each score 1–25
 * must fall in exactly one band, so every risk gets one colour.
 */
export function validateBands(bands: readonly RiskBand[]): string[] {
  if (bands.length === 0) return ["Define at least one score band."];
  const problems: string[] = [];
  for (const b of bands) {
    if (!Number.isInteger(b.min) || !Number.isInteger(b.max) || b.min < MIN_SCORE || b.max > MAX_SCORE) {
      problems.push(`“${b.label}” must run between whole scores from ${MIN_SCORE} to ${MAX_SCORE}.`);
    } else if (b.min > b.max) {
      problems.push(
        `“${b.label}” starts at ${b.min} but ends at ${b.max}: its lowest score must not exceed its highest.`,
      );
    }
  }
  if (problems.length > 0) return problems;
  const ids = new Set<string>();
  for (const b of bands) {
    if (ids.has(b.id)) problems.push(`There are two “${b.id}” bands.`);
    ids.add(b.id);
  }
  // Walk the scores, grouping runs that share the same fault, so "Scores 5–6" reads as one sentence.
  const fault = (s: number) => {
    const holders = bands.filter((b) => s >= b.min && s <= b.max);
    if (holders.length === 0) return "none";
    return holders.length === 1 ? "" : holders.map((b) => `“${b.label}”`).join(" and ");
  };
  for (let s = MIN_SCORE; s <= MAX_SCORE;) {
    const f = fault(s);
    let e = s;
    while (e < MAX_SCORE && fault(e + 1) === f) e++;
    const scores = s === e ? `Score ${s}` : `Scores ${s}–${e}`;
    if (f === "none") problems.push(`${scores} ${s === e ? "belongs" : "belong"} to no band.`);
    else if (f !== "") problems.push(`${scores} ${s === e ? "is" : "are"} in both ${f}.`);
    s = e + 1;
  }
  return problems;
}

/** The band a score falls in, or null when the bands leave it out. */
export function bandFor(score: number, bands: readonly RiskBand[] = defaultRiskBands): RiskBand | null {
  return bands.find((b) => score >= b.min && score <= b.max) ?? null;
}

/** Where a risk sits on the 5×5 map: row 0 is likelihood 5 (top), column 0 is impact 1 (left); null when off the scale. */
export function heatMapCell(risk: Pick<Risk, "likelihood" | "impact">): { row: number; column: number } | null {
  if (!inScale(risk.likelihood) || !inScale(risk.impact)) return null;
  return { row: 5 - risk.likelihood, column: risk.impact - 1 };
}

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandId | null;
  riskIds: string[];
}

/** The 5×5 grid, rows from likelihood 5 down to 1, columns from impact 1 to 5, each cell with its risks. */
export function heatMap(risks: readonly Risk[], bands: readonly RiskBand[] = defaultRiskBands): HeatMapCell[][] {
  const grid = Array.from({ length: 5 }, (_, row) =>
    Array.from({ length: 5 }, (_, column): HeatMapCell => {
      const likelihood = 5 - row;
      const impact = column + 1;
      const score = likelihood * impact;
      return { likelihood, impact, score, band: bandFor(score, bands)?.id ?? null, riskIds: [] };
    }),
  );
  for (const r of risks) {
    const at = heatMapCell(r);
    if (at) grid[at.row]![at.column]!.riskIds.push(r.id);
  }
  return grid;
}

/** Σ likelihood × impact over risks that are not closed: how much risk the plan still carries. */
export function openExposure(risks: readonly Risk[]): number {
  return risks.filter((r) => r.status !== "closed").reduce((sum, r) => sum + riskScore(r), 0);
}

/** Risks not closed whose review date has passed (a review due today is not yet overdue). */
export function overdueReviews(risks: readonly Risk[], today: ISODate): Risk[] {
  return risks.filter((r) => r.status !== "closed" && r.reviewDate !== null && compareDates(r.reviewDate, today) < 0);
}
