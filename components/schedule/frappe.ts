/**
 * frappe-gantt, loaded in the browser only, with what a live, large plan needs:
 * - task and bar lookups by id in O(1) (upstream scans the list for each arrow: O(N²) at start-up);
 * - arrows mapped onto bars through an index (upstream filters every arrow for every bar);
 * - `updateBar`: redraw one bar and its arrows after a remote change instead of the whole chart;
 * - bar labels placed in one pass (upstream measures each label in its own animation-frame callback
 *   right after the previous one moved its label: one forced layout of the whole chart per bar, O(N²)),
 *   never under the progress handle (frappe-labels.ts);
 * - arrows drawn per link kind with their lag (frappe-arrows.ts; upstream knows finish-to-start only),
 *   read from the `pw_links` option;
 * - no SMIL grow-in animation per bar (thousands of <animate> elements slow every frame after);
 * - the scroll handler's "where are the bars" read from the bars' attributes, not a layout per bar;
 * - large plans drawn in chunks of rows, those out of view not displayed (`cull`): painting, layering
 *   and hit-testing cost what is on screen, not the whole plan;
 * - the rows' background and the lines between them drawn as one rectangle each (upstream: a
 *   rectangle and a line per row, two elements per task that style and layout walk on every change);
 * - the chart's width set from the grid's, without laying the page out to read the current width;
 * - touch: frappe-gantt listens to mouse events only, so touch pointers on bars are replayed as mouse
 *   events (a touch drag otherwise scrolls the page).
 */
import type Gantt from "frappe-gantt";
import type { FrappeBar, FrappeTask } from "frappe-gantt";
import { KindArrow, type LinkKinds } from "./frappe-arrows";
import { placeLabels } from "./frappe-labels";
import { toLocalDate, type GanttTask } from "./model";

export type FastGantt = Gantt & {
  updateBar(task: GanttTask): boolean;
  /** Large plans: display only the rows within [top, bottom] of the chart (and a margin). */
  cull(top: number, bottom: number): void;
  /** Where an overlay element of a row in chunk k goes (Math.floor(row / ROWS_PER_CHUNK)), so it is hidden with its row. */
  chunkGroup(layer: Element, k: number): Element;
};

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { day: DAY, month: 30.4375 * DAY, year: 365.25 * DAY, hour: 3_600_000 };

/** Pixels from the chart's left edge to a date, on the current scale. */
export function xOfDate(g: Gantt, date: Date): number {
  return (
    ((date.getTime() - g.gantt_start.getTime()) / (UNIT_MS[g.config.unit] ?? DAY) / g.config.step) *
    g.config.column_width
  );
}

/** The date at a pixel offset from the chart's left edge, on the current scale. */
export function dateAtX(g: Gantt, x: number): Date {
  return new Date(
    g.gantt_start.getTime() + (x / g.config.column_width) * g.config.step * (UNIT_MS[g.config.unit] ?? DAY),
  );
}

/** Plans above this many rows are drawn in chunks, and chunks out of view are not displayed. */
const CULL_FROM = 300;
export const ROWS_PER_CHUNK = 50;
type Chunk = { groups: Element[]; bars: FrappeBar[]; shown: boolean };
const chunkOf = (bar: FrappeBar) => Math.floor(bar.task._index / ROWS_PER_CHUNK);

const SVG_NS = "http://www.w3.org/2000/svg";
function svgEl(name: string, attrs: Record<string, string | number>, parent: Element): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent.appendChild(el);
  return el;
}
let patterns = 0;

type Placed = FrappeBar & { update_label_position?: () => void; $date_highlight?: HTMLElement };

/** Stands in for a bar's own label placement once (the frame's batch does it), then steps aside. */
function skipOnce(this: Placed) {
  delete this.update_label_position;
}

let loaded: Promise<new (el: HTMLElement, tasks: object[], options: Record<string, unknown>) => FastGantt> | null =
  null;

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
      /** Bars in hidden chunks: their labels are placed when they come into view (hidden text has no size). */
      declare private unplaced: Set<FrappeBar> | undefined;
      declare private chunks: Chunk[] | undefined;
      /** The part of the chart in view, in chart coordinates (set by `cull`). */
      declare private view: [number, number] | undefined;
      make_bars() {
        super.make_bars();
        for (const bar of this.bars) this.queueLabel(bar);
        for (const a of this.$svg.querySelectorAll(".bar-wrapper animate")) a.remove();
      }
      // Called by render() once bars and arrows are drawn: rows out of view are hidden first. Upstream
      // reads the svg's laid-out width to widen it to the grid's, a layout of the whole chart before
      // it is even shown; the same result without it: the grid's width, and at least the container's.
      set_dimensions() {
        this.makeChunks();
        this.$svg.setAttribute("width", String(this.dates.length * this.config.column_width));
        this.$svg.style.minWidth = "100%";
      }
      /** Every row's background as one rectangle (they are all filled alike), still `.grid-row` for clicks. */
      make_grid_rows() {
        const rowHeight = Number(this.options.bar_height) + Number(this.options.padding);
        const top = this.config.header_height;
        const rows = Math.ceil((this.grid_height - top) / rowHeight);
        const g = svgEl("g", {}, this.layers.grid);
        svgEl(
          "rect",
          {
            x: 0,
            y: top,
            width: this.dates.length * this.config.column_width,
            height: rows * rowHeight,
            class: "grid-row",
          },
          g,
        );
      }
      /** Upstream's ticks, with the lines between rows as one rectangle filled with a one-row pattern. */
      make_grid_ticks() {
        const lines = this.options.lines;
        if (lines === "none" || lines === "vertical") return super.make_grid_ticks();
        const rowHeight = Number(this.options.bar_height) + Number(this.options.padding);
        const top = this.config.header_height;
        const rows = Math.ceil((this.grid_height - top) / rowHeight);
        const layer = svgEl("g", { class: "lines_layer" }, this.layers.grid);
        const id = `pw-row-lines-${++patterns}`;
        // A tile per row whose first pixel is the line, centred on the row's lower edge as upstream's were.
        const pattern = svgEl(
          "pattern",
          { id, patternUnits: "userSpaceOnUse", x: 0, y: top + rowHeight - 0.5, width: 1, height: rowHeight },
          svgEl("defs", {}, layer),
        );
        svgEl("rect", { x: 0, y: 0, width: 1, height: 1, class: "pw-row-line" }, pattern);
        svgEl(
          "rect",
          {
            x: 0,
            y: top + rowHeight - 0.5,
            width: this.dates.length * this.config.column_width,
            height: rows * rowHeight,
            fill: `url(#${id})`,
            class: "row-lines",
          },
          layer,
        );
        if (lines === "horizontal") return;
        this.options.lines = "vertical";
        try {
          super.make_grid_ticks();
        } finally {
          this.options.lines = lines;
        }
      }
      /** A drawn bar has queued its own label placement for the next frame: done with the others instead. */
      private queueLabel(bar: FrappeBar) {
        (bar as Placed).update_label_position = skipOnce;
        if (!this.labelQueue) {
          const queue = (this.labelQueue = new Set());
          requestAnimationFrame(() => {
            this.labelQueue = undefined;
            const now: FrappeBar[] = [];
            for (const b of queue) {
              if (this.chunks && !this.chunks[chunkOf(b)]?.shown) (this.unplaced ??= new Set()).add(b);
              else now.push(b);
            }
            placeLabels(now);
          });
        }
        this.labelQueue.add(bar);
      }
      /**
       * Large plans: rows go into chunks of ROWS_PER_CHUNK (bars, arrows within a chunk, link handles),
       * and chunks out of view are not displayed, so the browser paints and hit-tests only
       * what is near the screen. Every bar stays in the document.
       */
      private makeChunks() {
        this.chunks = undefined;
        this.unplaced = undefined;
        if (this.bars.length <= CULL_FROM) return;
        const chunks: Chunk[] = Array.from({ length: Math.ceil(this.bars.length / ROWS_PER_CHUNK) }, () => ({
          groups: [],
          bars: [],
          shown: true,
        }));
        this.chunks = chunks;
        const groupIn = (layer: Element) => {
          const made = chunks.map(() => null as Element | null);
          return (k: number) => (made[k] ??= this.chunkGroup(layer, k));
        };
        const barGroup = groupIn(this.layers.bar);
        for (const bar of this.bars) {
          const k = chunkOf(bar);
          barGroup(k).appendChild(bar.group);
          chunks[k]!.bars.push(bar);
        }
        const arrowGroup = groupIn(this.layers.arrow);
        for (const a of this.arrows) {
          const k = chunkOf(a.from_task);
          // An arrow between chunks stays drawn: either end may be in view.
          if (k === chunkOf(a.to_task)) arrowGroup(k).appendChild(a.element);
        }
        // The grid's row backgrounds stay: hiding them made the browser split the chart into many
        // compositing layers (hundreds of ms per frame), more than painting them costs.
        // Before the timeline has said where the chart is, assume its top is in view.
        this.cull(...(this.view ?? [0, window.innerHeight]));
      }
      /** A group for chunk k inside a layer (the layer itself on plans too small to cull). */
      chunkGroup(layer: Element, k: number): Element {
        const chunk = this.chunks?.[k];
        if (!chunk) return layer;
        const g = document.createElementNS("http://www.w3.org/2000/svg", "g");
        g.setAttribute("class", "pw-chunk");
        if (!chunk.shown) g.setAttribute("display", "none");
        layer.appendChild(g);
        chunk.groups.push(g);
        return g;
      }
      /** Shows the chunks within [top, bottom] (chart coordinates, a screen's margin added) and hides the rest. */
      cull(top: number, bottom: number) {
        this.view = [top, bottom];
        if (!this.chunks) return;
        const rowHeight = Number(this.options.bar_height) + Number(this.options.padding);
        const span = rowHeight * ROWS_PER_CHUNK;
        const margin = Math.max(bottom - top, 600);
        const shown: FrappeBar[] = [];
        this.chunks.forEach((chunk, k) => {
          const y0 = this.config.header_height + k * span;
          const show = y0 + span >= top - margin && y0 <= bottom + margin;
          if (show === chunk.shown) return;
          chunk.shown = show;
          for (const g of chunk.groups) {
            if (show) g.removeAttribute("display");
            else g.setAttribute("display", "none");
          }
          if (show && this.unplaced) for (const b of chunk.bars) if (this.unplaced.delete(b)) shown.push(b);
        });
        placeLabels(shown);
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
      make_arrows() {
        const kinds = this.options.pw_links as LinkKinds | undefined;
        const gap = Number(this.options.padding);
        this.arrows = [];
        for (const task of this.tasks) {
          const to = this.bars[task._index]!;
          for (const from of task.dependencies as string[]) {
            const pred = this.byId.get(from);
            if (!pred) continue;
            const kind = kinds?.get(`${from}>${task.id}`) ?? { id: `${from}>${task.id}`, type: "FS" as const, lag: 0 };
            const arrow = new KindArrow(this.bars[pred._index]!, to, kind, gap);
            this.layers.arrow.appendChild(arrow.element);
            this.arrows.push(arrow as unknown as Fast["arrows"][number]);
          }
        }
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
        const redraw =
          task.name !== next.name ||
          task.start !== next.start ||
          task.end !== next.end ||
          task.progress !== next.progress;
        Object.assign(task, {
          name: next.name,
          start: next.start,
          end: next.end,
          progress: next.progress,
          custom_class: next.custom_class,
          _start: start,
          _end: end,
        });
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
    target.dispatchEvent(
      new MouseEvent(type, {
        bubbles: true,
        cancelable: true,
        clientX: e.clientX,
        clientY: e.clientY,
        screenX: e.screenX,
        screenY: e.screenY,
        button: 0,
        buttons: type === "mouseup" ? 0 : 1,
      }),
    );
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
