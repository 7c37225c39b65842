/**
 * Link arrows drawn per kind, in place of frappe-gantt's (which always go from the middle of the
 * predecessor to the start of the successor): FS end→start, SS start→start, FF end→end, SF
 * start→end, with the kind and lag written beside the arrowhead ("SS +2d", "−1d").
 */
import type { FrappeBar } from "frappe-gantt";
import type { DependencyType } from "@/lib/plan/types";

export type LinkKind = { id: string; type: DependencyType; lag: number };
/** Kinds of the drawn links, keyed `${from}>${to}` (task ids). */
export type LinkKinds = ReadonlyMap<string, LinkKind>;

const SVGNS = "http://www.w3.org/2000/svg";
const STUB = 10;

/** "SS +2d", "+2d" for a finish-to-start link with lag, "" for a plain finish-to-start one. */
export function linkLabel(type: DependencyType, lag: number): string {
  const kind = type === "FS" ? "" : type;
  const shift = lag > 0 ? `+${lag}d` : lag < 0 ? `−${-lag}d` : "";
  return [kind, shift].filter(Boolean).join(" ");
}

/** The path of a link between two bars, and where it starts and ends (the anchors). */
export function linkPath(from: FrappeBar, to: FrappeBar, type: DependencyType, rowGap: number) {
  const fromEnd = type === "FS" || type === "FF";
  const toStart = type === "FS" || type === "SS";
  const box = (b: FrappeBar) => ({ x: b.$bar.getX(), w: b.$bar.getWidth(), y: b.$bar.getY(), h: barHeight(b) });
  const f = box(from);
  const t = box(to);
  const sx = fromEnd ? f.x + f.w : f.x;
  const sy = f.y + f.h / 2;
  const ex = toStart ? t.x : t.x + t.w;
  const ey = t.y + t.h / 2;
  const out = fromEnd ? 1 : -1;
  const into = toStart ? 1 : -1;
  const x1 = sx + out * STUB;
  const x2 = ex - into * STUB;
  let d: string;
  let lastX: number;
  if (out !== into) {
    // SS and FF: one vertical run, outside both anchors.
    lastX = out > 0 ? Math.max(x1, x2) : Math.min(x1, x2);
    d = `M ${sx} ${sy} H ${lastX} V ${ey} H ${ex}`;
  } else if ((x2 - x1) * out >= 0) {
    lastX = x1;
    d = `M ${sx} ${sy} H ${x1} V ${ey} H ${ex}`;
  } else {
    // The successor's anchor lies behind: go round through the gap above or below its row.
    const lane = t.y > f.y ? t.y - rowGap / 2 : t.y + t.h + rowGap / 2;
    lastX = x2;
    d = `M ${sx} ${sy} H ${x1} V ${lane} H ${x2} V ${ey} H ${ex}`;
  }
  const head = `m ${-5 * into} -5 l ${5 * into} 5 l ${-5 * into} 5`;
  return { d: `${d} ${head}`, sx, ex, labelX: (lastX + ex) / 2, labelY: ey - 6 };
}

function barHeight(b: FrappeBar): number {
  return Number(b.$bar.getAttribute("height")) || 0;
}

/** Stands in for frappe-gantt's Arrow: same fields (from_task, to_task, element, update). */
export class KindArrow {
  element: SVGGElement;
  private line: SVGPathElement;
  private hit: SVGPathElement;
  private label: SVGTextElement | null = null;
  constructor(
    readonly from_task: FrappeBar,
    readonly to_task: FrappeBar,
    readonly kind: LinkKind,
    private rowGap: number,
  ) {
    const g = (this.element = document.createElementNS(SVGNS, "g"));
    g.setAttribute("class", "pw-arrow");
    g.setAttribute("data-dep", kind.id);
    g.setAttribute("data-kind", kind.type);
    g.setAttribute("data-lag", String(kind.lag));
    g.setAttribute("data-from", from_task.task.id);
    g.setAttribute("data-to", to_task.task.id);
    // A wide transparent stroke under the thin one: the arrow can be clicked without pixel hunting.
    this.hit = document.createElementNS(SVGNS, "path");
    this.hit.setAttribute("class", "pw-arrow-hit");
    this.line = document.createElementNS(SVGNS, "path");
    this.line.setAttribute("class", "pw-arrow-line");
    g.append(this.hit, this.line);
    const text = linkLabel(kind.type, kind.lag);
    if (text) {
      this.label = document.createElementNS(SVGNS, "text");
      this.label.setAttribute("class", "pw-arrow-label");
      this.label.textContent = text;
      g.appendChild(this.label);
    }
    this.update();
  }
  update() {
    const p = linkPath(this.from_task, this.to_task, this.kind.type, this.rowGap);
    this.line.setAttribute("d", p.d);
    this.hit.setAttribute("d", p.d);
    this.element.setAttribute("data-start-x", String(p.sx));
    this.element.setAttribute("data-end-x", String(p.ex));
    this.label?.setAttribute("x", String(p.labelX));
    this.label?.setAttribute("y", String(p.labelY));
  }
}
