/**
 * What Planwright draws on top of frappe-gantt's layers: baseline ghost bars, other people's drags,
 * the today line, and the link handles (a dot on each bar's end corner, dragged onto another bar to
 * link them). Plain DOM, redrawn by the timeline after each change of the chart.
 */
import type { ISODate } from "@/lib/plan/types";
import { ROWS_PER_CHUNK, xOfDate, type FastGantt } from "./frappe";
import { toLocalDate } from "./model";

export type Drag = { taskId: string; start: ISODate; end: ISODate };
export type RemoteDrag = Drag & { color: string; name: string };
/** A task's dates in the baseline; `slip`: working days its end is late (shown when above 0). */
export type BaselineBar = { taskId: string; start: ISODate; end: ISODate; slip?: number };

const SVGNS = "http://www.w3.org/2000/svg";

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  parent?: Element,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

/** Draws the overlay layer again (the previous one is removed). */
export function drawOverlay(
  g: FastGantt,
  o: { baseline: BaselineBar[]; remoteDrags: RemoteDrag[]; today: ISODate | null },
): void {
  g.$svg.querySelector(":scope > g.pw-overlay")?.remove();
  const layer = el("g", { class: "pw-overlay" });
  const span = (start: ISODate, end: ISODate) => {
    const x = xOfDate(g, toLocalDate(start));
    const e = toLocalDate(end);
    e.setDate(e.getDate() + 1);
    return { x, w: Math.max(4, xOfDate(g, e) - x) };
  };
  const heightOf = (bar: { $bar: SVGRectElement }) => Number(bar.$bar.getAttribute("height"));
  for (const b of o.baseline) {
    const bar = g.get_bar(b.taskId);
    if (!bar) continue;
    const { x, w } = span(b.start, b.end);
    const y = bar.$bar.getY() + heightOf(bar) + 2;
    el("rect", { x, y, width: w, height: 4, rx: 2, class: "pw-baseline", "data-task": b.taskId }, layer);
    if (b.slip && b.slip > 0) {
      // The slip beside the ghost's end, where the eye compares the two ends.
      const at = { x: x + w + 4, y: y + 5, class: "pw-slip", "data-task": b.taskId };
      el("text", at, layer).textContent = `+${b.slip}d late`;
    }
  }
  for (const d of o.remoteDrags) {
    const bar = g.get_bar(d.taskId);
    if (!bar) continue;
    const { x, w } = span(d.start, d.end);
    const group = el("g", { class: "pw-remote-drag", "data-task": d.taskId }, layer);
    const y = bar.$bar.getY();
    const outline = { x, y: y - 2, width: w, height: heightOf(bar) + 4, rx: 4, fill: "none", "stroke-width": 3 };
    el("rect", { ...outline, stroke: d.color }, group);
    el("text", { x, y: y - 6, fill: d.color, class: "pw-remote-label" }, group).textContent = d.name;
  }
  if (o.today) {
    const day = toLocalDate(o.today);
    if (day >= g.gantt_start && day <= g.gantt_end) {
      const x = xOfDate(g, day);
      const top = g.config.header_height;
      const bottom = Number(g.$svg.getAttribute("height")) || top;
      el("line", { x1: x, x2: x, y1: top, y2: bottom, class: "pw-today", "data-date": o.today }, layer);
      el("text", { x: x + 4, y: top + 12, class: "pw-today-label" }, layer).textContent = "Today";
    }
  }
  g.$svg.appendChild(layer);
}

/** One dot on the end corner of each dated, non-summary bar; dots are moved only when their bar moved. */
const handleGroups = new WeakMap<SVGGElement, Map<number, Element>>();

export function syncHandles(g: FastGantt, layer: SVGGElement) {
  let groups = handleGroups.get(layer);
  if (!groups) handleGroups.set(layer, (groups = new Map()));
  const groupOf = (k: number) => {
    let group = groups.get(k);
    if (!group) groups.set(k, (group = g.chunkGroup(layer, k)));
    return group;
  };
  const dots = new Map<string, SVGCircleElement>();
  for (const c of layer.querySelectorAll<SVGCircleElement>("circle.pw-link-handle"))
    dots.set(c.getAttribute("data-task")!, c);
  for (const bar of g.bars) {
    const id = bar.task.id;
    if (/__is-(undated|summary)/.test(bar.group.getAttribute("class") ?? "")) continue;
    // Above the bar's end, in the gap between rows: clear of the label after the bar and of the
    // resize handle on the bar's edge.
    const cx = String(bar.$bar.getX() + bar.$bar.getWidth());
    const cy = String(bar.$bar.getY() - 4);
    let c = dots.get(id);
    dots.delete(id);
    if (!c) {
      c = el("circle", { r: 5, class: "pw-link-handle", "data-task": id });
      groupOf(Math.floor(bar.task._index / ROWS_PER_CHUNK)).appendChild(c);
    }
    if (c.getAttribute("cx") !== cx) c.setAttribute("cx", cx);
    if (c.getAttribute("cy") !== cy) c.setAttribute("cy", cy);
  }
  for (const stale of dots.values()) stale.remove();
}

/** Dragging from a link handle onto another bar calls `onLink(from, to)`. */
export function linkDragging(g: FastGantt, handles: SVGGElement, onLink: (from: string, to: string) => void) {
  const line = el("line", { class: "pw-link-line" });
  handles.addEventListener("mousedown", (e: MouseEvent) => {
    const from = (e.target as Element).closest?.(".pw-link-handle")?.getAttribute("data-task");
    if (!from) return;
    e.stopPropagation();
    e.preventDefault();
    const box = g.$svg.getBoundingClientRect();
    const c = e.target as SVGCircleElement;
    line.setAttribute("x1", c.getAttribute("cx")!);
    line.setAttribute("y1", c.getAttribute("cy")!);
    const follow = (m: MouseEvent) => {
      line.setAttribute("x2", String(m.clientX - box.left));
      line.setAttribute("y2", String(m.clientY - box.top));
    };
    follow(e);
    handles.appendChild(line);
    const done = (m: MouseEvent) => {
      document.removeEventListener("mousemove", follow);
      document.removeEventListener("mouseup", done, true);
      line.remove();
      const to = document.elementFromPoint(m.clientX, m.clientY)?.closest(".bar-wrapper")?.getAttribute("data-id");
      if (to && to !== from) onLink(from, to);
    };
    document.addEventListener("mousemove", follow);
    document.addEventListener("mouseup", done, true);
  });
}
