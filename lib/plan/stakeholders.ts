/**
 * The power/interest grid of stakeholder analysis: influence and interest, each 1–5, place a
 * stakeholder in one of four quadrants that say how closely to engage them. Pure.
 */
import type { Stakeholder } from "./types";
import type { communicationFrequencies } from "./validation";

/** A score from this one up counts as high; 3 is the middle of 1–5 and leans towards attention. */
export const HIGH_FROM = 3;

export const quadrants = [
  { id: "manage_closely", label: "Manage closely", hint: "High influence, high interest" },
  { id: "keep_satisfied", label: "Keep satisfied", hint: "High influence, low interest" },
  { id: "keep_informed", label: "Keep informed", hint: "Low influence, high interest" },
  { id: "monitor", label: "Monitor", hint: "Low influence, low interest" },
] as const;

export type QuadrantId = (typeof quadrants)[number]["id"];

export function quadrantOf(s: Pick<Stakeholder, "influence" | "interest">): QuadrantId {
  const power = s.influence >= HIGH_FROM;
  const interest = s.interest >= HIGH_FROM;
  if (power) return interest ? "manage_closely" : "keep_satisfied";
  return interest ? "keep_informed" : "monitor";
}

export const quadrantLabel = (id: QuadrantId) => quadrants.find((q) => q.id === id)!.label;

/** Stakeholders per quadrant, in the grid's order, each list in the stakeholders' own order. */
export function byQuadrant<S extends Pick<Stakeholder, "influence" | "interest">>(rows: readonly S[]) {
  return quadrants.map((q) => ({ ...q, rows: rows.filter((s) => quadrantOf(s) === q.id) }));
}

export const frequencyLabels: Record<(typeof communicationFrequencies)[number], string> = {
  weekly: "Weekly",
  fortnightly: "Every two weeks",
  monthly: "Monthly",
  quarterly: "Quarterly",
  milestones: "At each milestone",
};
