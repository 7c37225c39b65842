"use client";

/**
 * The Schedule: the task grid and the frappe-gantt timeline side by side, row for row, scrolling
 * together. Everything is derived from the live document on each change: hierarchy and roll-ups,
 * critical path and slack, baseline slippage, linked risks.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useCollabField } from "@/components/collab/collab-provider";
import { useNameOf, usePlanData, useRows, useSettings } from "@/components/collab/plan-data";
import { slippage } from "@/lib/plan/baseline";
import { criticalPath } from "@/lib/plan/critical-path";
import { taskDuration } from "@/lib/plan/schedule";
import type { WorkingCalendar } from "@/lib/plan/types";
import { formatPredecessor } from "@/lib/schedule/csv";
import { CalendarEditor } from "./calendar-editor";
import { useDragPresence } from "./drag-presence";
import { GanttTimeline } from "./gantt-timeline";
import { toGanttTasks, visibleRows } from "./model";
import { GridKeys } from "./row-tools";
import { AddTask, SaveBaseline } from "./schedule-forms";
import { useWorkBreakdown } from "./use-work-breakdown";
import { ScheduleFiles } from "./schedule-files";
import { TaskGrid, ROW_HEIGHT, HEADER_HEIGHT, type RowFacts } from "./task-grid";
import { TaskPopup, TaskSchedule } from "./task-popup";
import { useScheduleEdits } from "./use-schedule-edits";
import type { ViewMode } from "./view-modes";
import { OpenLink } from "./link-popover";
import { TaskLinks } from "./task-links";
import { ScaleButtons, TimelineActions, TimelineLegend, useFullScreen } from "./timeline-toolbar";
import { useLinkEdits } from "./use-link-edits";
import { FIRST_ROWS } from "@/components/grid/row-window";
import { Button } from "@/components/ui/button";
import { Empty } from "@/components/ui/empty";

const WINDOW_FROM = 300; // rows: larger plans draw only the grid rows in view

/** `page`: the schedule page, where the chart takes the window's width and height. */
export function ScheduleSection({ layout = "section" }: { layout?: "section" | "page" }) {
  const tasks = useRows("tasks");
  const deps = useRows("dependencies");
  const holidays = useRows("holidays");
  const baselines = useRows("baselines");
  const risks = useRows("risks");
  const deliverables = useRows("deliverables");
  const resources = useRows("resources");
  const settings = useSettings();
  const { members, today, canEdit, planId } = usePlanData();
  // Whether the server has since made this person a viewer (their role changed while the plan was open).
  const nowReadOnly = useCollabField("readOnly", false);
  const nameOf = useNameOf();
  // Compared by value: the first live read of the document must not look like a new calendar (the
  // timeline starts over when the calendar changes).
  const calendarKey = JSON.stringify({
    workingWeekdays: settings.workingWeekdays,
    holidays: holidays.map((h) => ({ date: h.date, name: h.name })),
  });
  const calendar: WorkingCalendar = useMemo(() => JSON.parse(calendarKey) as WorkingCalendar, [calendarKey]);
  const ops = useScheduleEdits(tasks, deps, calendar);
  const { tree, shown, summaries, collapsed, toggle, setAll, focusId, rowTree } = useWorkBreakdown(
    tasks,
    calendar,
    planId,
  );
  const { remoteDrags, publish } = useDragPresence();
  const links = useLinkEdits(tasks, deps, calendar);
  /** The link whose popover is open (a clicked arrow, a link just drawn), and where. */
  const [openLink, setOpenLink] = useState<{ id: string; at: { x: number; y: number } } | null>(null);
  const [fitRequest, setFitRequest] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  const full = useFullScreen(frame);
  const wide = full.on || layout === "page";

  const [viewMode, setViewMode] = useState<ViewMode>("Week");
  const [grouped, setGrouped] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [baselineId, setBaselineId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const rows = useMemo(
    () => visibleRows(shown, collapsed, grouped ? { deliverables } : undefined, tree),
    [shown, collapsed, grouped, deliverables, tree],
  );
  const cp = useMemo(() => criticalPath(tasks, deps, calendar), [tasks, deps, calendar]);
  const baseline = baselines.find((b) => b.id === baselineId) ?? null;
  const slips = useMemo(
    () => new Map(baseline ? slippage(tasks, baseline, calendar).map((s) => [s.id, s]) : []),
    [tasks, baseline, calendar],
  );
  const riskMap = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const r of risks)
      for (const id of r.linkedTaskIds) m.set(id, [...(m.get(id) ?? []), r.title || "Untitled risk"]);
    return m;
  }, [risks]);
  // The chart is drawn only in the browser (its markup does not depend on the list), so the server skips
  // building its task list: a few milliseconds of every large plan's page.
  const ganttTasks = useMemo(
    () =>
      typeof document === "undefined"
        ? []
        : toGanttTasks(
            rows,
            deps,
            {
              critical: new Set(cp.criticalTaskIds),
              risky: new Set(riskMap.keys()),
              late: new Map([...slips].map(([id, s]) => [id, s.endSlip])),
            },
            today,
          ),
    [rows, deps, cp, riskMap, slips, today],
  );
  const baselineBars = useMemo(
    () =>
      baseline
        ? [...slips.values()].map((s) => ({
            taskId: s.id,
            start: s.baselineStart,
            end: s.baselineEnd,
            slip: s.endSlip,
          }))
        : [],
    [baseline, slips],
  );

  const byId = useMemo(() => new Map(shown.map((t) => [t.id, t])), [shown]);
  const predText = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const d of deps) {
      const from = byId.get(d.from);
      if (from) m.set(d.to, [...(m.get(d.to) ?? []), formatPredecessor(from.name, d.type, d.lag)]);
    }
    return m;
  }, [deps, byId]);
  const facts = useCallback(
    (id: string): RowFacts => {
      const t = byId.get(id)!;
      const timing = cp.timings.get(id);
      return {
        duration: taskDuration(t, calendar),
        slack: timing ? timing.totalSlack : null,
        critical: timing?.critical ?? false,
        daysLate: slips.get(id)?.endSlip ?? null,
        predecessors: (predText.get(id) ?? []).join("; "),
      };
    },
    [byId, cp, calendar, slips, predText],
  );
  const people = useMemo(
    () => [
      ...members,
      ...resources.filter((r) => !members.some((m) => m.id === r.userId)).map((r) => ({ id: r.id, name: r.name })),
    ],
    [members, resources],
  );

  // Grid windowing for large plans: the grid and the timeline scroll together in one box.
  const box = useRef<HTMLDivElement>(null);
  // The server (and the hydrating browser) draws the first rows only; the scroll box sets the window after.
  const [win, setWin] = useState<[number, number]>([0, FIRST_ROWS]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onScroll = () => {
      const first = Math.max(0, Math.floor((el.scrollTop - HEADER_HEIGHT) / ROW_HEIGHT) - 20);
      const count = Math.ceil(el.clientHeight / ROW_HEIGHT) + 40;
      setWin((w) => (w[0] === first && w[1] === first + count ? w : [first, first + count]));
    };
    onScroll();
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, []);
  const window: [number, number] = rows.length <= WINDOW_FROM ? [0, rows.length] : win;

  const sel = selected ? byId.get(selected) : undefined;
  const popup = sel && {
    task: sel,
    duration: taskDuration(sel, calendar),
    slack: cp.timings.get(sel.id)?.totalSlack ?? null,
    critical: cp.timings.get(sel.id)?.critical ?? false,
    daysLate: slips.get(sel.id)?.endSlip ?? null,
    assignee: nameOf(sel.assigneeId),
    deliverable: deliverables.find((d) => d.id === sel.deliverableId)?.name ?? null,
    risks: riskMap.get(sel.id) ?? [],
  };

  return (
    // contain: inline-size — the wide grid and chart scroll inside the section instead of widening the page.
    <div
      ref={frame}
      className={full.on ? "fixed inset-0 z-40 flex flex-col overflow-auto bg-white p-4" : "mt-4 min-w-0"}
      style={{ contain: "inline-size" }}
      data-testid="schedule"
      data-full-screen={full.on || undefined}
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <ScaleButtons value={viewMode} onChange={setViewMode} />
        <TimelineActions
          onFit={() => setFitRequest((n) => n + 1)}
          fullScreen={full.on}
          onFullScreen={() => void full.toggle()}
        />
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} /> Group by
          deliverable
        </label>
        <label className="flex items-center gap-1 text-xs">
          Baseline
          <select
            aria-label="Baseline to compare with"
            value={baselineId ?? ""}
            onChange={(e) => setBaselineId(e.target.value || null)}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            <option value="">None</option>
            {baselines.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.savedAt.slice(0, 10)})
              </option>
            ))}
          </select>
        </label>
        {ops.editable && <SaveBaseline onSaved={(id) => setBaselineId(id)} tasks={tasks} />}
        <p className="text-xs text-slate-600" data-testid="plan-end">
          {cp.endDate ? `Ends ${cp.endDate}` : "No dated tasks"} ·{" "}
          <span className="text-red-700">critical path in red</span>
          {cp.cycle ? " · a loop in the links is ignored" : ""}
        </p>
        {summaries.length > 0 && (
          <div role="group" aria-label="Summary rows" className="flex gap-1">
            <Button variant="secondary" size="xs" onClick={() => setAll([])}>
              Expand all
            </Button>
            <Button variant="secondary" size="xs" onClick={() => setAll(summaries)}>
              Collapse all
            </Button>
          </div>
        )}
        {ops.editable && <GridKeys />}
        <ScheduleFiles
          tasks={tasks}
          deps={deps}
          calendar={calendar}
          title={typeof document === "undefined" ? "Plan" : document.title}
        />
      </div>
      <div className="mt-2">
        <TimelineLegend />
      </div>
      {notice && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {notice}
        </p>
      )}
      {tasks.length === 0 && (
        <Empty className="mt-3">No tasks yet.{ops.editable ? " Add the first one below." : ""}</Empty>
      )}
      <div
        ref={box}
        className={`mt-3 flex flex-col overflow-y-auto rounded-md border border-slate-200 md:flex-row ${
          full.on ? "min-h-0 flex-1" : layout === "page" ? "max-h-[calc(100vh-12rem)]" : "max-h-[75vh]"
        }`}
        style={{ display: tasks.length ? undefined : "none" }}
      >
        <div className={`shrink-0 overflow-x-auto border-slate-200 md:border-r ${wide ? "md:w-[28%]" : "md:w-[45%]"}`}>
          <TaskGrid
            rows={rows}
            facts={facts}
            editable={ops.editable}
            collapsed={collapsed}
            onToggle={toggle}
            onSelect={setSelected}
            edits={ops.grid}
            tree={rowTree}
            focusId={focusId}
            people={people}
            deliverables={deliverables}
            window={window}
          />
        </div>
        <div className="min-w-0 flex-1">
          {tasks.length > 0 && (
            <GanttTimeline
              tasks={ganttTasks}
              viewMode={viewMode}
              // Drawn for editing as soon as this person may edit: the chart is not drawn a second time when
              // the live document becomes ready (an edit before then is refused and the bar put back).
              readOnly={!canEdit || nowReadOnly}
              calendar={calendar}
              onDateChange={(id, s, e) => ops.moveBar(id, s, e)}
              onProgressChange={(id, p) => ops.setBarProgress(id, p)}
              onSelect={setSelected}
              onLink={(from, to) => {
                // Links drawn before the live document is ready are not written (nor reported as refused).
                if (!links.editable) return;
                const [refusal, id] = links.save({ from, to, type: "FS", lag: 0 });
                setNotice(refusal);
                // Then its kind and lag, in the popover where the bar it was dropped on is.
                const to_ = document.querySelector(`.pw-gantt .bar-wrapper[data-id="${CSS.escape(to)}"] .bar`);
                const r = to_?.getBoundingClientRect();
                if (!refusal) setOpenLink({ id, at: { x: r?.left ?? 100, y: r?.bottom ?? 100 } });
              }}
              onDragging={publish}
              remoteDrags={remoteDrags}
              baseline={baselineBars}
              links={deps}
              onLinkSelect={(id) => {
                const path = document.querySelector(`.pw-gantt .pw-arrow[data-dep="${CSS.escape(id)}"]`);
                const r = path?.getBoundingClientRect();
                setOpenLink({ id, at: { x: r ? r.left + r.width / 2 : 100, y: r ? r.top + r.height / 2 : 100 } });
              }}
              today={today}
              fitRequest={fitRequest}
              onViewMode={setViewMode}
            />
          )}
        </div>
      </div>
      {popup && (
        <TaskPopup facts={popup} onClose={() => setSelected(null)}>
          {ops.editable && (
            <TaskSchedule
              key={`${popup.task.id}:${popup.task.start}:${popup.task.end}:${popup.task.progress}`}
              task={popup.task}
              summary={tasks.some((t) => t.parentId === popup.task.id)}
              onDates={(s, e) => ops.grid.setDates(popup.task.id, s, popup.task.kind === "milestone" ? s : e)}
              onProgress={(p) => ops.grid.setProgress(popup.task.id, p)}
            />
          )}
          <TaskLinks
            key={popup.task.id}
            task={popup.task}
            tasks={tasks}
            deps={deps}
            editable={links.editable}
            onSave={(d) => links.save(d)[0]}
            onRemove={(id) => setNotice(links.remove(id))}
          />
        </TaskPopup>
      )}
      <OpenLink
        open={openLink}
        deps={deps}
        byId={byId}
        editable={links.editable}
        onSave={(d) => links.save(d)[0]}
        onRemove={(id) => {
          setNotice(links.remove(id));
          setOpenLink(null);
        }}
        onDone={() => setOpenLink(null)}
      />
      {ops.editable && <AddTask onAdd={ops.addTask} />}
      <CalendarEditor />
    </div>
  );
}
