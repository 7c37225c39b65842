"use client";

/**
 * The frappe-gantt timeline, kept in step with the document: a change redraws only the bars that
 * changed (the whole chart only when rows, links or the date range change), and the scroll position
 * is kept. Names reach frappe-gantt escaped; popups are ours (React text), not frappe-gantt's HTML.
 */
import { useEffect, useRef, useState } from "react";
import type { ISODate, WorkingCalendar } from "@/lib/plan/types";
import type { Dependency } from "@/lib/plan/types";
import { bridgeTouch, dateAtX, loadGantt, xOfDate, type FastGantt } from "./frappe";
import type { LinkKinds } from "./frappe-arrows";
import { drawOverlay, linkDragging, syncHandles, type BaselineBar, type Drag, type RemoteDrag } from "./gantt-overlay";
import { fromLocalDate, lastDayOf, toLocalDate, type GanttTask } from "./model";
import { fitMode, viewModeList, type ViewMode } from "./view-modes";
import "./gantt.css";

export type { BaselineBar, Drag, RemoteDrag } from "./gantt-overlay";

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
  /** The plan's links: their kinds and lags decide how the arrows are drawn. */
  links: readonly Dependency[];
  /** A click on an arrow: the link's id. */
  onLinkSelect: (depId: string) => void;
  today: ISODate;
  /** Bumped to zoom to the plan's span: the finest view in which it fits, scrolled to its start. */
  fitRequest: number;
  onViewMode: (mode: ViewMode) => void;
}

const SVGNS = "http://www.w3.org/2000/svg";
const kindsOf = (links: readonly Dependency[]): LinkKinds =>
  new Map(links.map((d) => [`${d.from}>${d.to}`, { id: d.id, type: d.type, lag: d.lag }]));
const kindKey = (links: readonly Dependency[]) => links.map((d) => `${d.id}:${d.type}:${d.lag}`).join(",");
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
  const shownKinds = useRef("");
  /** Where a zoom to fit wants the left edge once the new view is drawn. */
  const fitAt = useRef<Date | null>(null);
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
        pw_links: kindsOf(p.links),
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
      shownKinds.current = kindKey(p.links);
      // A click on an arrow (its wide transparent stroke) opens the link's popover.
      g.$svg.addEventListener("click", (e) => {
        const dep = (e.target as Element).closest?.(".pw-arrow")?.getAttribute("data-dep");
        if (dep) latest.current.onLinkSelect(dep);
      });
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
    const kinds = kindKey(props.links);
    if (
      !g ||
      (shown.current === props.tasks && shownKinds.current === kinds) ||
      (g.bar_being_dragged !== null && g.bar_being_dragged !== undefined)
    )
      return;
    const before = shown.current;
    shown.current = props.tasks;
    const sameKinds = shownKinds.current === kinds;
    shownKinds.current = kinds;
    g.options.pw_links = kindsOf(props.links);
    if (sameKinds && sameRows(before, props.tasks)) {
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
  }, [props.tasks, props.links, tick]);

  // Zoom: keep the date at the left edge where it was.
  useEffect(() => {
    const g = gantt.current;
    if (!g || g.options.view_mode === props.viewMode) return;
    const at = fitAt.current ?? dateAtX(g, g.$container.scrollLeft);
    fitAt.current = null;
    g.options.scroll_to = at;
    g.change_view_mode(props.viewMode);
    g.$container.scrollLeft = xOfDate(g, at);
    setOverlayTick((n) => n + 1);
  }, [props.viewMode]);

  // Zoom to fit: the finest view in which the plan's span fits the chart's width, from its start.
  useEffect(() => {
    const g = gantt.current;
    if (!g || !props.fitRequest) return;
    const span = datedSpan(latest.current.tasks);
    if (!span) return;
    const mode = fitMode(span.days, g.$container.clientWidth);
    const at = toLocalDate(span.first);
    at.setDate(at.getDate() - 1);
    if (g.options.view_mode === mode) g.$container.scrollLeft = xOfDate(g, at);
    else {
      fitAt.current = at;
      latest.current.onViewMode(mode);
    }
  }, [props.fitRequest]);

  // Overlay drawn on top of frappe-gantt's layers: baseline bars, other people's drags, today.
  useEffect(() => {
    if (gantt.current)
      drawOverlay(gantt.current, { baseline: props.baseline, remoteDrags: props.remoteDrags, today: props.today });
  }, [tick, overlayTick, props.baseline, props.remoteDrags, props.today]);

  // Link handles. The layer stays between redraws of single bars; only the dots that moved are moved.
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
    linkDragging(g, handles, (from, to) => latest.current.onLink(from, to));
    // The layer goes with the chart (a full redraw empties the SVG); this effect then makes a new one.
  }, [tick, overlayTick, props.readOnly, props.tasks.length]);

  return <div ref={host} className={`pw-gantt ${props.readOnly ? "" : "is-editable"}`} />;
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

/** The first and last dates of the dated bars, and the days between them. */
function datedSpan(tasks: GanttTask[]): { first: string; days: number } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const t of tasks) {
    if (t.custom_class.includes("__is-undated")) continue;
    if (first === null || t.start < first) first = t.start;
    if (last === null || t.end > last) last = t.end;
  }
  if (!first || !last) return null;
  return { first, days: Math.round((toLocalDate(last).getTime() - toLocalDate(first).getTime()) / 86_400_000) + 1 };
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
