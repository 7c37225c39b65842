/**
 * Milestones of several plans on one timeline: a lane per plan, a diamond per milestone (filled when
 * reached), today's line. Pure; every label is escaped.
 */
import { addDays, compareDates, diffDays } from "@/lib/plan/dates";
import type { ISODate } from "@/lib/plan/types";
import { clip, escapeXml } from "./svg";

export type MilestonePoint = { planId: string; planTitle: string; name: string; date: ISODate; progress: number };

const LABEL_W = 180;
const CHART_W = 700;
const LANE_H = 44;
const TOP = 26;

export function milestonesSvg(points: readonly MilestonePoint[], today: ISODate): string {
  const width = LABEL_W + CHART_W;
  if (points.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40" viewBox="0 0 ${width} 40" role="img" aria-label="Milestones"><title>Milestones</title><text x="8" y="24" font-family="sans-serif" font-size="13" fill="#64748b">No dated milestones yet.</text></svg>`;
  }
  const lanes = [...new Map(points.map((p) => [p.planId, p.planTitle])).entries()];
  const laneOf = new Map(lanes.map(([id], i) => [id, i]));
  const dates = [...points.map((p) => p.date), today].sort(compareDates);
  const from = addDays(dates[0]!, -3);
  const to = addDays(dates[dates.length - 1]!, 3);
  const days = Math.max(1, diffDays(to, from));
  const x = (d: ISODate) => LABEL_W + (diffDays(d, from) / days) * CHART_W;
  const height = TOP + lanes.length * LANE_H + 8;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Milestones" font-family="sans-serif" font-size="11">`,
    `<title>Milestones</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LABEL_W}" y="14" fill="#475569">${from}</text>`,
    `<text x="${width - 4}" y="14" fill="#475569" text-anchor="end">${to}</text>`,
  ];
  lanes.forEach(([, title], i) => {
    const y = TOP + i * LANE_H;
    out.push(`<rect x="0" y="${y}" width="${width}" height="${LANE_H}" fill="${i % 2 ? "#f8fafc" : "#ffffff"}"/>`);
    out.push(
      `<text x="6" y="${y + LANE_H / 2 + 4}" fill="#0f172a" font-weight="bold">${escapeXml(clip(title, 28))}</text>`,
    );
  });
  const tx = x(today).toFixed(1);
  out.push(`<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${height}" stroke="#dc2626" stroke-dasharray="3 3"/>`);
  for (const p of points) {
    const cx = x(p.date);
    const cy = TOP + laneOf.get(p.planId)! * LANE_H + 16;
    const done = p.progress >= 100;
    out.push(
      `<path class="milestone" d="M${cx.toFixed(1)} ${cy - 6} l6 6 l-6 6 l-6 -6 z" fill="${done ? "#7c3aed" : "#ffffff"}" stroke="#7c3aed" stroke-width="1.5"><title>${escapeXml(`${p.name} — ${p.date}`)}</title></path>`,
    );
    out.push(
      `<text x="${cx.toFixed(1)}" y="${cy + 20}" text-anchor="middle" fill="#334155" font-size="10">${escapeXml(clip(p.name, 18))}</text>`,
    );
  }
  out.push("</svg>");
  return out.join("");
}
