/**
 * The schedule as a Gantt chart that prints: bars (progress filled), summary brackets, milestone
 * diamonds, dependency links, the critical path in red and today's line, cut into landscape pages
 * by rows and by date range, with the task names repeated on every page. A pure function returning
 * standalone SVG markup per page; every label is escaped.
 */
import { addDays, compareDates, diffDays, maxDate, minDate } from "@/lib/plan/dates";
import type { Dependency, ISODate, Task } from "@/lib/plan/types";
import { clip, escapeXml } from "./svg";

export type GanttRow = Task & { summary: boolean; depth: number };
export type GanttPage = { svg: string; rows: [number, number]; from: ISODate; to: ISODate };

/** A4 landscape at 96 dpi, less the print margins. */
const WIDTH = 1040;
const LABEL_W = 250;
const CHART_W = WIDTH - LABEL_W;
const ROW_H = 20;
const HEAD_H = 34;

export function ganttPages(
  input: {
    tasks: readonly GanttRow[];
    dependencies: readonly Dependency[];
    criticalIds: ReadonlySet<string>;
    today: ISODate;
  },
  opts: { rowsPerPage?: number; daysPerPage?: number } = {},
): GanttPage[] {
  const rowsPerPage = opts.rowsPerPage ?? 30;
  const daysPerPage = opts.daysPerPage ?? 92;
  const rows = input.tasks.filter((t) => t.start || t.end);
  if (rows.length === 0) return [];
  const first = addDays(minDate(rows.flatMap((t) => [t.start, t.end]))!, -1);
  const last = addDays(maxDate(rows.flatMap((t) => [t.start, t.end]))!, 1);
  const pages: GanttPage[] = [];
  for (let r = 0; r < rows.length; r += rowsPerPage) {
    const slice = rows.slice(r, r + rowsPerPage);
    for (let from = first; compareDates(from, last) <= 0; from = addDays(from, daysPerPage)) {
      const to = addDays(from, daysPerPage);
      pages.push({ svg: page(slice, r, from, to, input), rows: [r + 1, r + slice.length], from, to: addDays(to, -1) });
    }
  }
  return pages;
}

function page(
  rows: readonly GanttRow[],
  offset: number,
  from: ISODate,
  to: ISODate,
  input: { dependencies: readonly Dependency[]; criticalIds: ReadonlySet<string>; today: ISODate },
): string {
  const days = diffDays(to, from);
  const dayW = CHART_W / days;
  const x = (d: ISODate) => LABEL_W + diffDays(d, from) * dayW;
  const height = HEAD_H + rows.length * ROW_H + 6;
  const y = (i: number) => HEAD_H + i * ROW_H;
  const index = new Map(rows.map((t, i) => [t.id, i]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Gantt chart" font-family="sans-serif" font-size="10">`,
    `<title>Gantt chart, ${from} to ${addDays(to, -1)}</title>`,
    `<defs><clipPath id="chart"><rect x="${LABEL_W}" y="0" width="${CHART_W}" height="${height}"/></clipPath>`,
    `<marker id="arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#64748b"/></marker></defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
  ];
  // Stripes and names: the names column repeats on every page.
  rows.forEach((t, i) => {
    if (i % 2) out.push(`<rect x="0" y="${y(i)}" width="${WIDTH}" height="${ROW_H}" fill="#f8fafc"/>`);
    const weight = t.summary ? ` font-weight="bold"` : "";
    const label = clip(t.name || "Untitled task", 40 - t.depth * 2);
    out.push(
      `<text x="${4 + t.depth * 10}" y="${y(i) + 14}" fill="#0f172a"${weight}>${offset + i + 1}. ${escapeXml(label)}</text>`,
    );
  });
  // Week lines (Mondays) and month labels along the top.
  out.push(`<g clip-path="url(#chart)">`);
  for (let d = from; compareDates(d, to) < 0; d = addDays(d, 1)) {
    const day = Number(d.slice(8, 10));
    const monday = new Date(`${d}T00:00:00Z`).getUTCDay() === 1;
    if (day === 1 || d === from)
      out.push(`<text x="${(x(d) + 3).toFixed(1)}" y="13" fill="#334155" font-weight="bold">${d.slice(0, 7)}</text>`);
    if (monday || day === 1) {
      const stroke = day === 1 ? "#cbd5e1" : "#eef2f7";
      out.push(`<line x1="${x(d).toFixed(1)}" y1="18" x2="${x(d).toFixed(1)}" y2="${height}" stroke="${stroke}"/>`);
      if (monday && dayW >= 2.5) out.push(`<text x="${(x(d) + 2).toFixed(1)}" y="28" fill="#64748b">${day}</text>`);
    }
  }
  // Links first, so bars draw over them.
  for (const dep of input.dependencies) {
    const a = index.get(dep.from);
    const b = index.get(dep.to);
    if (a === undefined || b === undefined) continue;
    const pred = rows[a]!;
    const succ = rows[b]!;
    const fromEnd = dep.type === "FS" || dep.type === "FF";
    const toEnd = dep.type === "FF" || dep.type === "SF";
    const x1 = fromEnd ? x(addDays(pred.end ?? pred.start!, 1)) : x(pred.start ?? pred.end!);
    const x2 = toEnd ? x(addDays(succ.end ?? succ.start!, 1)) : x(succ.start ?? succ.end!);
    const y1 = y(a) + ROW_H / 2;
    const y2 = y(b) + ROW_H / 2;
    const bend = fromEnd ? x1 + 6 : x1 - 6;
    const color = input.criticalIds.has(pred.id) && input.criticalIds.has(succ.id) ? "#dc2626" : "#64748b";
    out.push(
      `<path class="gantt-link" d="M${x1.toFixed(1)},${y1} H${bend.toFixed(1)} V${y2} H${x2.toFixed(1)}" fill="none" stroke="${color}" marker-end="url(#arrow)"/>`,
    );
  }
  const shown = (a: ISODate, b: ISODate) => compareDates(b, from) >= 0 && compareDates(a, to) < 0;
  rows.forEach((t, i) => {
    const critical = input.criticalIds.has(t.id);
    // Off this page's dates: drawn on the page of its dates instead.
    if (!shown(t.start ?? t.end!, t.end ?? t.start!)) return;
    const top = y(i) + 4;
    if (t.kind === "milestone") {
      const cx = x(t.start ?? t.end!) + dayW / 2;
      const cy = y(i) + ROW_H / 2;
      out.push(
        `<path class="gantt-milestone" d="M${cx.toFixed(1)},${cy - 6} l6,6 l-6,6 l-6,-6 z" fill="${critical ? "#dc2626" : "#7c3aed"}"/>`,
      );
      return;
    }
    if (!t.start || !t.end) return;
    const x1 = x(t.start);
    const w = Math.max(2, x(addDays(t.end, 1)) - x1);
    if (t.summary) {
      out.push(
        `<rect class="gantt-summary" x="${x1.toFixed(1)}" y="${top + 3}" width="${w.toFixed(1)}" height="6" fill="#334155"/>`,
      );
      return;
    }
    const fill = critical ? "#fca5a5" : t.kind === "buffer" ? "#e2e8f0" : "#a5b4fc";
    const done = critical ? "#dc2626" : "#4f46e5";
    out.push(
      `<rect class="gantt-bar${critical ? " critical" : ""}" x="${x1.toFixed(1)}" y="${top}" width="${w.toFixed(1)}" height="${ROW_H - 8}" rx="2" fill="${fill}"/>`,
    );
    if (t.progress > 0)
      out.push(
        `<rect x="${x1.toFixed(1)}" y="${top}" width="${((w * Math.min(100, t.progress)) / 100).toFixed(1)}" height="${ROW_H - 8}" rx="2" fill="${done}"/>`,
      );
  });
  if (compareDates(input.today, from) >= 0 && compareDates(input.today, to) < 0) {
    const tx = (x(input.today) + dayW / 2).toFixed(1);
    out.push(
      `<line class="gantt-today" x1="${tx}" y1="18" x2="${tx}" y2="${height}" stroke="#f59e0b" stroke-width="1.5"/>`,
    );
  }
  out.push(`</g>`, `<line x1="${LABEL_W}" y1="0" x2="${LABEL_W}" y2="${height}" stroke="#94a3b8"/>`, `</svg>`);
  return out.join("");
}
