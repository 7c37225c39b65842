/**
 * frappe-gantt, loaded in the browser only, with what a live, large plan needs:
 * - task and bar lookups by id in O(1) (upstream scans the list for each arrow: O(N²) at start-up);
 * - arrows mapped onto bars through an index (upstream filters every arrow for every bar);
 * - `updateBar`: redraw one bar and its arrows after a remote change instead of the whole chart;
 * - bar labels placed in one pass (upstream measures each label in its own animation-frame callback
 *   right after the previous one moved its label: one forced layout of the whole chart per bar, O(N²));
 * - no SMIL grow-in animation per bar (thousands of <animate> elements slow every frame after);
 * - the scroll handler's "where are the bars" read from the bars' attributes, not a layout per bar;
 * - touch: frappe-gantt listens to mouse events only, so touch pointers on bars are replayed as mouse
 *   events (a touch drag otherwise scrolls the page).
 */
import type Gantt from "frappe-gantt";
import type { FrappeBar, FrappeTask } from "frappe-gantt";
import { toLocalDate, type GanttTask } from "./model";

export type FastGantt = Gantt & {
  updateBar(task: GanttTask): boolean;
};

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { day: DAY, month: 30.4375 * DAY, year: 365.25 * DAY, hour: 3_600_000 };

/** Pixels from the chart's left edge to a date, on the current scale. */
export function xOfDate(g: Gantt, date: Date): number {
  return ((date.getTime() - g.gantt_start.getTime()) / (UNIT_MS[g.config.unit] ?? DAY) / g.config.step) * g.config.column_width;
}

/** The date at a pixel offset from the chart's left edge, on the current scale. */
export function dateAtX(g: Gantt, x: number): Date {
  return new Date(g.gantt_start.getTime() + (x / g.config.column_width) * g.config.step * (UNIT_MS[g.config.unit] ?? DAY));
}

type Placed = FrappeBar & { update_label_position?: () => void; $date_highlight?: HTMLElement };

/** Stands in for a bar's own label placement once (the frame's batch does it), then steps aside. */
function skipOnce(this: Placed) {
  delete this.update_label_position;
}

/**
 * Labels that fit go in the middle of their bar, the others after its end (frappe-gantt's rule):
 * every width is read first, then every label moved, so the browser lays the chart out once.
 */
function placeLabels(bars: FrappeBar[]) {
  const labels = bars.map((bar) => bar.group.querySelector<SVGTextElement>(".bar-label"));
  const widths = labels.map((label) => (label && label.isConnected ? label.getBBox().width : -1));
  bars.forEach((bar, i) => {
    const label = labels[i];
    if (!label || widths[i]! < 0) return;
    const x = bar.$bar.getX();
    const width = bar.$bar.getWidth();
    const big = widths[i]! > width;
    label.classList.toggle("big", big);
    label.setAttribute("x", String(big ? x + width + 5 : x + width / 2 - widths[i]! / 2));
  });
}

let loaded: Promise<new (el: HTMLElement, tasks: object[], options: Record<string, unknown>) => FastGantt> | null = null;

export function loadGantt() {
  loaded ??= import("frappe-gantt").then(({ default: Base }) => {
    class Fast extends Base {
      // `declare`: a field initializer would run after the base constructor has filled the map.
      declare private byId: Map<string, FrappeTask>;
      setup_tasks(tasks: object[]) {
        super.setup_tasks(tasks);
        this.byId = new Map(this.tasks.map((t) => [t.id, t]));
      }
      get_task(id: string) {
        return this.byId?.get(id);
      }
      get_bar(id: string): FrappeBar | undefined {
        const t = this.byId?.get(id);
        return t ? this.bars[t._index] : undefined;
      }
      declare private labelQueue: Set<FrappeBar> | undefined;
      make_bars() {
        super.make_bars();
        for (const bar of this.bars) this.queueLabel(bar);
        for (const a of this.$svg.querySelectorAll(".bar-wrapper animate")) a.remove();
      }
      /** A drawn bar has queued its own label placement for the next frame: done with the others instead. */
      private queueLabel(bar: FrappeBar) {
        (bar as Placed).update_label_position = skipOnce;
        if (!this.labelQueue) {
          const queue = (this.labelQueue = new Set());
          requestAnimationFrame(() => {
            this.labelQueue = undefined;
            placeLabels([...queue]);
          });
        }
        this.labelQueue.add(bar);
      }
      get_start_end_positions(): [number, number, number] {
        if (!this.bars.length) return [0, 0, 0];
        let minStart = Infinity;
        let maxStart = -Infinity;
        let maxEnd = -Infinity;
        for (const bar of this.bars) {
          const x = bar.$bar.getX();
          minStart = Math.min(minStart, x);
          maxStart = Math.max(maxStart, x);
          maxEnd = Math.max(maxEnd, x + bar.$bar.getWidth());
        }
        return [minStart, maxStart, maxEnd];
      }
      map_arrows_on_bars() {
        const by = new Map<string, Fast["arrows"]>();
        const add = (id: string, a: Fast["arrows"][number]) => {
          const l = by.get(id);
          if (l) l.push(a);
          else by.set(id, [a]);
        };
        for (const a of this.arrows) {
          add(a.from_task.task.id, a);
          if (a.to_task.task.id !== a.from_task.task.id) add(a.to_task.task.id, a);
        }
        for (const bar of this.bars) bar.arrows = by.get(bar.task.id) ?? [];
      }
      /** Redraws one bar in place; false when the chart must be refreshed instead (new range or links). */
      updateBar(next: GanttTask): boolean {
        const task = this.byId?.get(next.id);
        const bar = task && this.bars[task._index];
        if (!task || !bar) return false;
        const deps = next.dependencies ? next.dependencies.split(",") : [];
        if (deps.join(",") !== (task.dependencies as string[]).join(",")) return false;
        const start = toLocalDate(next.start);
        const end = toLocalDate(next.end);
        end.setDate(end.getDate() + 1);
        if (start < this.gantt_start || end > this.gantt_end) return false;
        const redraw = task.name !== next.name || task.start !== next.start || task.end !== next.end || task.progress !== next.progress;
        Object.assign(task, { name: next.name, start: next.start, end: next.end, progress: next.progress, custom_class: next.custom_class, _start: start, _end: end });
        bar.group.setAttribute("class", `bar-wrapper ${next.custom_class}`);
        // Only a class changed (a task joined or left the critical path): nothing to redraw.
        if (!redraw) return true;
        // refresh() adds a new date highlight to the header each time: drop the old one.
        (bar as Placed).$date_highlight?.remove();
        bar.refresh();
        for (const a of bar.group.querySelectorAll("animate")) a.remove();
        this.queueLabel(bar);
        for (const a of bar.arrows) a.update();
        return true;
      }
    }
    return Fast as unknown as new (el: HTMLElement, tasks: object[], options: Record<string, unknown>) => FastGantt;
  });
  return loaded;
}

/** Replays touch pointers on bars as mouse events, so drag, resize and progress work on touch screens. */
export function bridgeTouch(svg: SVGSVGElement): () => void {
  let active: number | null = null;
  const send = (type: string, e: PointerEvent, target: EventTarget) =>
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY, button: 0, buttons: type === "mouseup" ? 0 : 1 }));
  const inside = (e: PointerEvent): Element => {
    const el = document.elementFromPoint(e.clientX, e.clientY);
    return el && svg.contains(el) ? el : svg;
  };
  const down = (e: PointerEvent) => {
    if (e.pointerType !== "touch" || !(e.target as Element).closest?.(".bar-wrapper")) return;
    active = e.pointerId;
    svg.setPointerCapture?.(e.pointerId);
    e.preventDefault();
    send("mousedown", e, e.target!);
  };
  const move = (e: PointerEvent) => {
    if (e.pointerId !== active) return;
    e.preventDefault();
    send("mousemove", e, inside(e));
  };
  const up = (e: PointerEvent) => {
    if (e.pointerId !== active) return;
    active = null;
    send("mouseup", e, inside(e));
  };
  svg.addEventListener("pointerdown", down);
  svg.addEventListener("pointermove", move);
  svg.addEventListener("pointerup", up);
  svg.addEventListener("pointercancel", up);
  return () => {
    svg.removeEventListener("pointerdown", down);
    svg.removeEventListener("pointermove", move);
    svg.removeEventListener("pointerup", up);
    svg.removeEventListener("pointercancel", up);
  };
}
