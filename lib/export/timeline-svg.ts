/**
 * The schedule as a picture: one row per dated task (bars), milestones as diamonds, dependency
 * arrows and today's line. A pure function returning standalone SVG markup; every label is escaped.
 */
import { addDays, compareDates, diffDays, maxDate, minDate } from "@/lib/plan/dates";
import type { Dependency, ISODate, Task } from "@/lib/plan/types";
import { clip, escapeXml } from "./svg";

export const TIMELINE_MAX_ROWS = 150;

const LABEL_W = 220;
const CHART_W = 660;
const ROW_H = 22;
const HEAD_H = 28;

/** `summaryIds`: summary tasks (dates rolled up from their children), drawn as dark brackets. */
export function timelineSvg(
  tasks: readonly Task[],
  dependencies: readonly Dependency[],
  today: ISODate,
  summaryIds: ReadonlySet<string> = new Set(),
): string {
  const dated = tasks.filter((t) => (t.kind === "milestone" ? (t.end ?? t.start) : t.start && t.end));
  const rows = dated.slice(0, TIMELINE_MAX_ROWS);
  const hidden = dated.length - rows.length;
  const width = LABEL_W + CHART_W;
  if (rows.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40" viewBox="0 0 ${width} 40" role="img" aria-label="Timeline"><title>Timeline</title><text x="8" y="24" font-family="sans-serif" font-size="13" fill="#64748b">No dated tasks yet.</text></svg>`;
  }
  const first = minDate(rows.flatMap((t) => [t.start, t.end]))!;
  const last = maxDate(rows.flatMap((t) => [t.start, t.end]))!;
  const from = addDays(first, -1);
  const to = addDays(last, 2);
  const days = Math.max(1, diffDays(to, from));
  const x = (d: ISODate) => LABEL_W + (diffDays(d, from) / days) * CHART_W;
  const height = HEAD_H + rows.length * ROW_H + (hidden > 0 ? ROW_H : 0) + 8;
  const rowOf = new Map(rows.map((t, i) => [t.id, i]));
  const y = (i: number) => HEAD_H + i * ROW_H;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Timeline" font-family="sans-serif" font-size="11">`,
    `<title>Timeline</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  // Month ticks along the top.
  for (let d = monthStart(from); compareDates(d, to) <= 0; d = nextMonth(d)) {
    if (compareDates(d, from) < 0) continue;
    const tx = x(d).toFixed(1);
    out.push(`<line x1="${tx}" y1="${HEAD_H - 6}" x2="${tx}" y2="${height}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${(x(d) + 3).toFixed(1)}" y="14" fill="#475569">${d.slice(0, 7)}</text>`);
  }
  rows.forEach((t, i) => {
    const top = y(i);
    const weight = summaryIds.has(t.id) ? ` font-weight="bold"` : "";
    out.push(
      `<text x="6" y="${top + 15}" fill="#0f172a"${weight}>${escapeXml(clip(t.name || "Untitled task", 34))}</text>`,
    );
    if (t.kind === "milestone") {
      const cx = x(t.end ?? t.start!) + CHART_W / days / 2;
      const cy = top + ROW_H / 2;
      out.push(`<path class="milestone" d="M${cx.toFixed(1)} ${cy - 7} l7 7 l-7 7 l-7 -7 z" fill="#7c3aed"/>`);
    } else {
      const bx = x(t.start!);
      const bw = Math.max(2, x(addDays(t.end!, 1)) - bx);
      if (summaryIds.has(t.id)) {
        out.push(
          `<rect class="summary" x="${bx.toFixed(1)}" y="${top + 7}" width="${bw.toFixed(1)}" height="6" fill="#334155"/>`,
        );
        return;
      }
      const fill = t.kind === "buffer" ? "#cbd5e1" : "#6366f1";
      out.push(
        `<rect class="bar" x="${bx.toFixed(1)}" y="${top + 4}" width="${bw.toFixed(1)}" height="${ROW_H - 8}" rx="3" fill="${fill}" fill-opacity="0.35"/>`,
      );
      if (t.progress > 0) {
        out.push(
          `<rect x="${bx.toFixed(1)}" y="${top + 4}" width="${((bw * Math.min(100, t.progress)) / 100).toFixed(1)}" height="${ROW_H - 8}" rx="3" fill="${fill}"/>`,
        );
      }
    }
  });
  for (const d of dependencies) {
    const a = rowOf.get(d.from);
    const b = rowOf.get(d.to);
    if (a === undefined || b === undefined) continue;
    const pred = rows[a]!;
    const succ = rows[b]!;
    const x1 = x(addDays(pred.end ?? pred.start!, 1));
    const x2 = x(succ.start ?? succ.end!);
    const y1 = y(a) + ROW_H / 2;
    const y2 = y(b) + ROW_H / 2;
    out.push(
      `<path class="dependency" d="M${x1.toFixed(1)} ${y1} H${(x1 + 6).toFixed(1)} V${y2} H${x2.toFixed(1)}" fill="none" stroke="#94a3b8" stroke-width="1"/>`,
    );
  }
  if (compareDates(today, from) >= 0 && compareDates(today, to) <= 0) {
    const tx = x(today).toFixed(1);
    out.push(`<line x1="${tx}" y1="${HEAD_H - 6}" x2="${tx}" y2="${height}" stroke="#dc2626" stroke-dasharray="3 3"/>`);
    out.push(`<text x="${tx}" y="${HEAD_H - 8}" fill="#dc2626" text-anchor="middle">today</text>`);
  }
  if (hidden > 0) out.push(`<text x="6" y="${y(rows.length) + 15}" fill="#64748b">… and ${hidden} more tasks</text>`);
  out.push("</svg>");
  return out.join("");
}

const monthStart = (d: ISODate): ISODate => `${d.slice(0, 7)}-01`;
function nextMonth(d: ISODate): ISODate {
  const [y, m] = d.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}
