"use client";

/**
 * The frappe-gantt timeline, kept in step with the document: a change redraws only the bars that
 * changed (the whole chart only when rows, links or the date range change), and the scroll position
 * is kept. Names reach frappe-gantt escaped; popups are ours (React text), not frappe-gantt's HTML.
 */
import { useEffect, useRef, useState } from "react";
import type { ISODate, WorkingCalendar } from "@/lib/plan/types";
import { bridgeTouch, dateAtX, loadGantt, ROWS_PER_CHUNK, xOfDate, type FastGantt } from "./frappe";
import { fromLocalDate, lastDayOf, toLocalDate, type GanttTask } from "./model";
import { viewModeList, type ViewMode } from "./view-modes";
import "./gantt.css";

export type Drag = { taskId: string; start: ISODate; end: ISODate };
export type RemoteDrag = Drag & { color: string; name: string };
export type BaselineBar = { taskId: string; start: ISODate; end: ISODate };

export interface TimelineProps {
  tasks: GanttTask[];
  viewMode: ViewMode;
  readOnly: boolean;
  calendar: WorkingCalendar;
  /** Return false to put the bar back (the edit was refused). */
  onDateChange: (id: string, start: ISODate, end: ISODate) => boolean;
  onProgressChange: (id: string, progress: number) => boolean;
  onSelect: (id: string) => void;
  /** Drag from a bar's link handle onto another bar: a new finish-to-start link. */
  onLink: (fromId: string, toId: string) => void;
  onDragging: (drag: Drag | null) => void;
  remoteDrags: RemoteDrag[];
  baseline: BaselineBar[];
}

const SVGNS = "http://www.w3.org/2000/svg";
// Fetch frappe-gantt while the page hydrates, not after: the chart is drawn as soon as it can be.
if (typeof window !== "undefined") void loadGantt();
const copy = (tasks: GanttTask[]) => tasks.map((t) => ({ ...t }));
const sameRows = (a: GanttTask[], b: GanttTask[]) =>
  a.length === b.length && a.every((t, i) => t.id === b[i]!.id && t.dependencies === b[i]!.dependencies);

export function GanttTimeline(props: TimelineProps) {
  const host = useRef<HTMLDivElement>(null);
  const gantt = useRef<FastGantt | null>(null);
  const latest = useRef(props);
  const shown = useRef<GanttTask[]>([]);
  /** Bumped when the chart is created or a drag ends: the document is synced again. */
  const [tick, setTick] = useState(0);
  /** Bumped after every redraw: the overlay is drawn again. */
  const [overlayTick, setOverlayTick] = useState(0);
  useEffect(() => {
    latest.current = props;
  });

  // Create once; the options read the latest props through the ref.
  useEffect(() => {
    let cancelled = false;
    let untouch = () => {};
    let unscroll = () => {};
    const el = host.current;
    void loadGantt().then((Gantt) => {
      if (cancelled || !host.current) return;
      const p = latest.current;
      const weekend = (d: Date) => !p.calendar.workingWeekdays.includes(d.getDay());
      performance.mark("pw-gantt-start");
      const g = new Gantt(host.current, copy(p.tasks), {
        view_modes: viewModeList(p.viewMode),
        readonly: p.readOnly,
        popup: false,
        move_dependencies: false,
        infinite_padding: false,
        today_button: false,
        scroll_to: firstDate(p.tasks),
        bar_height: 28,
        padding: 20,
        container_height: "auto",
        is_weekend: weekend,
        holidays: holidayOption(p.calendar),
        on_click: (t: { id: string }) => latest.current.onSelect(t.id),
        // frappe-gantt 1.2.2 reports dates on every mouse move of a drag: those are shown to the others
        // as the drag (presence) and written once, when the mouse is released.
        on_date_change: (t: { id: string }, start: Date, end: Date) => {
          const drag = { taskId: t.id, start: fromLocalDate(start), end: lastDayOf(end) };
          pending.set(t.id, drag);
          if (!frame)
            frame = requestAnimationFrame(() => {
              frame = 0;
              const last = [...pending.values()].at(-1);
              if (last && gantt.current?.bar_being_dragged !== null) latest.current.onDragging(last);
            });
        },
        on_progress_change: (t: { id: string }, progress: number) => {
          if (!latest.current.onProgressChange(t.id, Math.round(progress))) resetBar(t.id);
        },
      });
      g.$container.setAttribute("data-testid", "gantt-chart");
      // The chart scrolls sideways: keyboard users reach it with Tab and scroll it with the arrow keys.
      g.$container.tabIndex = 0;
      g.$container.setAttribute("role", "region");
      g.$container.setAttribute("aria-label", "Timeline chart");
      // The chart's own drawing time, read by bench/gantt.ts.
      performance.measure("pw-gantt-draw", "pw-gantt-start");
      gantt.current = g;
      shown.current = p.tasks;
      untouch = bridgeTouch(g.$svg);
      // Large plans display only the rows near the screen: follow every scroll that moves the chart.
      const scrollers = scrollAncestors(host.current);
      const cullToView = () => {
        const r = g.$svg.getBoundingClientRect();
        let top = 0;
        let bottom = window.innerHeight;
        for (const el of scrollers) {
          const b = el.getBoundingClientRect();
          top = Math.max(top, b.top);
          bottom = Math.min(bottom, b.bottom);
        }
        g.cull(top - r.top, Math.max(top, bottom) - r.top);
      };
      cullToView();
      let cullFrame = 0;
      const onScroll = () => {
        cullFrame ||= requestAnimationFrame(() => {
          cullFrame = 0;
          if (gantt.current === g) cullToView();
        });
      };
      document.addEventListener("scroll", onScroll, { capture: true, passive: true });
      window.addEventListener("resize", onScroll);
      unscroll = () => {
        document.removeEventListener("scroll", onScroll, { capture: true });
        window.removeEventListener("resize", onScroll);
      };
      setTick((n) => n + 1);
    });
    const pending = new Map<string, Drag>();
    let frame = 0;
    // After frappe-gantt's own mouseup handlers: write what the drag changed, then catch up on
    // document changes that arrived during the drag (redrawing a bar mid-drag would break it).
    const release = () =>
      setTimeout(() => {
        const drags = [...pending.values()];
        pending.clear();
        // A drag released outside the chart never reaches frappe-gantt's own mouseup handler.
        if (gantt.current) gantt.current.bar_being_dragged = null;
        if (drags.length) latest.current.onDragging(null);
        for (const d of drags) if (!latest.current.onDateChange(d.taskId, d.start, d.end)) resetBar(d.taskId);
        setTick((n) => n + 1);
      });
    document.addEventListener("mouseup", release);
    const resetBar = (id: string) => {
      const t = latest.current.tasks.find((x) => x.id === id);
      if (t) gantt.current?.updateBar(t);
    };
    return () => {
      cancelled = true;
      untouch();
      unscroll();
      document.removeEventListener("mouseup", release);
      if (el) el.innerHTML = "";
      gantt.current = null;
    };
    // Read-only and the calendar change how every bar is drawn: start over.
  }, [props.readOnly, props.calendar]);

  // Document changes: redraw the changed bars, or everything (scroll kept) when rows or links changed.
  useEffect(() => {
    const g = gantt.current;
    if (!g || shown.current === props.tasks || (g.bar_being_dragged !== null && g.bar_being_dragged !== undefined))
      return;
    const before = shown.current;
    shown.current = props.tasks;
    if (sameRows(before, props.tasks)) {
      const prev = new Map(before.map((t) => [t.id, t]));
      let ok = true;
      for (const t of props.tasks) {
        const was = prev.get(t.id)!;
        if (
          was.start === t.start &&
          was.end === t.end &&
          was.progress === t.progress &&
          was.name === t.name &&
          was.custom_class === t.custom_class
        )
          continue;
        if (!g.updateBar(t)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        setOverlayTick((n) => n + 1);
        return;
      }
    }
    const left = g.$container.scrollLeft;
    const top = g.$container.scrollTop;
    const at = dateAtX(g, left);
    g.options.scroll_to = at;
    g.refresh(copy(props.tasks));
    g.$container.scrollLeft = xOfDate(g, at);
    g.$container.scrollTop = top;
    setOverlayTick((n) => n + 1);
  }, [props.tasks, tick]);

  // Zoom: keep the date at the left edge where it was.
  useEffect(() => {
    const g = gantt.current;
    if (!g || g.options.view_mode === props.viewMode) return;
    const at = dateAtX(g, g.$container.scrollLeft);
    g.options.scroll_to = at;
    g.change_view_mode(props.viewMode);
    g.$container.scrollLeft = xOfDate(g, at);
    setOverlayTick((n) => n + 1);
  }, [props.viewMode]);

  // Overlay drawn on top of frappe-gantt's layers: baseline bars and other people's drags.
  useEffect(() => {
    const g = gantt.current;
    if (!g) return;
    g.$svg.querySelector(":scope > g.pw-overlay")?.remove();
    const layer = document.createElementNS(SVGNS, "g");
    layer.setAttribute("class", "pw-overlay");
    const rect = (attrs: Record<string, string | number>, parent: Element = layer) => {
      const r = document.createElementNS(SVGNS, "rect");
      for (const [k, v] of Object.entries(attrs)) r.setAttribute(k, String(v));
      parent.appendChild(r);
      return r;
    };
    const span = (start: ISODate, end: ISODate) => {
      const x = xOfDate(g, toLocalDate(start));
      const e = toLocalDate(end);
      e.setDate(e.getDate() + 1);
      return { x, w: Math.max(4, xOfDate(g, e) - x) };
    };
    for (const b of props.baseline) {
      const bar = g.get_bar(b.taskId);
      if (!bar) continue;
      const { x, w } = span(b.start, b.end);
      rect({
        x,
        y: bar.$bar.getY() + Number(bar.$bar.getAttribute("height")) + 2,
        width: w,
        height: 4,
        rx: 2,
        class: "pw-baseline",
        "data-task": b.taskId,
      });
    }
    for (const d of props.remoteDrags) {
      const bar = g.get_bar(d.taskId);
      if (!bar) continue;
      const { x, w } = span(d.start, d.end);
      const group = document.createElementNS(SVGNS, "g");
      group.setAttribute("class", "pw-remote-drag");
      group.setAttribute("data-task", d.taskId);
      rect(
        {
          x,
          y: bar.$bar.getY() - 2,
          width: w,
          height: Number(bar.$bar.getAttribute("height")) + 4,
          rx: 4,
          fill: "none",
          stroke: d.color,
          "stroke-width": 3,
        },
        group,
      );
      const label = document.createElementNS(SVGNS, "text");
      label.setAttribute("x", String(x));
      label.setAttribute("y", String(bar.$bar.getY() - 6));
      label.setAttribute("fill", d.color);
      label.setAttribute("class", "pw-remote-label");
      label.textContent = d.name;
      group.appendChild(label);
      layer.appendChild(group);
    }
    g.$svg.appendChild(layer);
  }, [tick, overlayTick, props.baseline, props.remoteDrags]);

  // Link handles: a dot after each bar; drag it onto another bar to link them (finish-to-start). The
  // layer stays between redraws of single bars; only the dots that moved are moved.
  useEffect(() => {
    const g = gantt.current;
    const existing = g?.$svg.querySelector<SVGGElement>(":scope > g.pw-link-handles");
    if (!g || props.readOnly || props.tasks.length > 2000) {
      existing?.remove();
      return;
    }
    if (existing) {
      syncHandles(g, existing);
      return;
    }
    const handles = document.createElementNS(SVGNS, "g");
    handles.setAttribute("class", "pw-link-handles");
    syncHandles(g, handles);
    g.$svg.insertBefore(handles, g.$svg.querySelector(":scope > g.pw-overlay"));
    const line = document.createElementNS(SVGNS, "line");
    line.setAttribute("class", "pw-link-line");
    const start = (e: MouseEvent) => {
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
        if (to && to !== from) latest.current.onLink(from, to);
      };
      document.addEventListener("mousemove", follow);
      document.addEventListener("mouseup", done, true);
    };
    handles.addEventListener("mousedown", start);
    // The layer goes with the chart (a full redraw empties the SVG); this effect then makes a new one.
  }, [tick, overlayTick, props.readOnly, props.tasks.length]);

  return <div ref={host} className={`pw-gantt ${props.readOnly ? "" : "is-editable"}`} />;
}

/** One dot after the end of each dated, non-summary bar; dots are moved only when their bar moved. */
const handleGroups = new WeakMap<SVGGElement, Map<number, Element>>();

function syncHandles(g: FastGantt, layer: SVGGElement) {
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
    const cx = String(bar.$bar.getX() + bar.$bar.getWidth() + 9);
    const cy = String(bar.$bar.getY() + Number(bar.$bar.getAttribute("height")) / 2);
    let c = dots.get(id);
    dots.delete(id);
    if (!c) {
      c = document.createElementNS(SVGNS, "circle");
      c.setAttribute("r", "5");
      c.setAttribute("class", "pw-link-handle");
      c.setAttribute("data-task", id);
      groupOf(Math.floor(bar.task._index / ROWS_PER_CHUNK)).appendChild(c);
    }
    if (c.getAttribute("cx") !== cx) c.setAttribute("cx", cx);
    if (c.getAttribute("cy") !== cy) c.setAttribute("cy", cy);
  }
  for (const stale of dots.values()) stale.remove();
}

/** The elements around the chart that scroll vertically (the schedule's box, the page). */
function scrollAncestors(el: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === "auto" || overflow === "scroll") out.push(p);
  }
  return out;
}

/** Where the chart opens: a few days before the earliest bar, so the plan is in view, not just today. */
function firstDate(tasks: GanttTask[]): Date | "today" {
  let min: string | null = null;
  for (const t of tasks) if (!t.custom_class.includes("__is-undated") && (min === null || t.start < min)) min = t.start;
  if (!min) return "today";
  const d = toLocalDate(min);
  d.setDate(d.getDate() - 2);
  return d;
}

/** Holidays of the plan, shaded and named on the timeline. */
function holidayOption(calendar: WorkingCalendar) {
  const days = calendar.holidays.map((h) => ({ date: h.date, name: h.name || "Holiday" }));
  return { "var(--g-weekend-highlight-color)": "weekend", "var(--pw-holiday)": days };
}
