"use client";

/**
 * The task grid's columns and their widths. The columns a reviewer most often needs wider or
 * narrower (WBS, name, dates, duration, assignee, progress) can be resized by dragging the separator
 * at their header's right edge, or by keyboard on it (←/→ by 16 px, Shift for 64, Home/End for the
 * narrowest and widest, Enter or a double-click for the default). Widths are this browser's own, kept
 * in localStorage, and "Reset widths" restores them all.
 */
import { useCallback, useMemo, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent } from "react";
import { z } from "zod";

export type ColumnKey =
  | "wbs"
  | "name"
  | "start"
  | "end"
  | "days"
  | "assignee"
  | "progress"
  | "priority"
  | "milestone"
  | "predecessors"
  | "deliverable"
  | "slack"
  | "late"
  | "actions";

type Column = { key: ColumnKey; width: number; resize?: { label: string; min: number; max: number } };

/** Every column in order, with its default width in px; resizable ones name their bounds. */
export const columns: readonly Column[] = [
  { key: "wbs", width: 64, resize: { label: "WBS", min: 48, max: 160 } },
  { key: "name", width: 260, resize: { label: "Task", min: 120, max: 640 } },
  { key: "start", width: 136, resize: { label: "Start", min: 96, max: 240 } },
  { key: "end", width: 136, resize: { label: "End", min: 96, max: 240 } },
  { key: "days", width: 64, resize: { label: "Days", min: 48, max: 160 } },
  { key: "assignee", width: 136, resize: { label: "Assignee", min: 72, max: 320 } },
  { key: "progress", width: 60, resize: { label: "Progress", min: 48, max: 160 } },
  { key: "priority", width: 104 },
  { key: "milestone", width: 44 },
  { key: "predecessors", width: 160 },
  { key: "deliverable", width: 136 },
  { key: "slack", width: 76 },
  { key: "late", width: 60 },
  { key: "actions", width: 184 },
];

export type Widths = Record<ColumnKey, number>;
const defaults = Object.fromEntries(columns.map((c) => [c.key, c.width])) as Widths;
const STORAGE_KEY = "planwright.schedule.columns";
const clamp = (c: Column, w: number) =>
  c.resize ? Math.round(Math.min(c.resize.max, Math.max(c.resize.min, w))) : c.width;
const stored = z.record(z.string(), z.number().finite());

/** Stored widths, each within its column's bounds; anything unreadable is ignored. */
function parse(raw: string): Partial<Widths> {
  try {
    const parsed = stored.safeParse(JSON.parse(raw || "{}"));
    if (!parsed.success) return {};
    return Object.fromEntries(
      columns
        .filter((c) => c.resize && parsed.data[c.key] !== undefined)
        .map((c) => [c.key, clamp(c, parsed.data[c.key]!)]),
    );
  } catch {
    return {};
  }
}

// The stored widths as an external store: every grid of the page, and other tabs, follow a change.
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
function read(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}
function write(next: Partial<Widths>) {
  try {
    if (Object.keys(next).length) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private windows may refuse storage: the default widths stay.
  }
  for (const l of listeners) l();
}

/** The grid's column widths: defaults on the server and at hydration, then this browser's. */
export function useColumnWidths() {
  const raw = useSyncExternalStore(subscribe, read, () => "");
  const custom = useMemo(() => parse(raw), [raw]);
  // A width being dragged, shown at once and stored when the pointer is released.
  const [preview, setPreview] = useState<{ key: ColumnKey; width: number } | null>(null);
  const setWidth = useCallback(
    (key: ColumnKey, width: number, persist: boolean) => {
      const column = columns.find((c) => c.key === key)!;
      const w = clamp(column, width);
      if (!persist) return setPreview({ key, width: w });
      setPreview(null);
      const { [key]: _old, ...rest } = custom;
      write(w === column.width ? rest : { ...rest, [key]: w });
    },
    [custom],
  );
  const reset = useCallback(() => write({}), []);
  const widths: Widths = { ...defaults, ...custom, ...(preview ? { [preview.key]: preview.width } : {}) };
  return { widths, setWidth, reset, customised: Object.keys(custom).length > 0 };
}

const STEP = 16;

/** The separator at a resizable header's right edge: drag it, or focus it and use the arrow keys. */
export function ColumnResizer({
  column,
  width,
  onResize,
}: {
  column: ColumnKey;
  width: number;
  onResize: (key: ColumnKey, width: number, persist: boolean) => void;
}) {
  const spec = columns.find((c) => c.key === column)!;
  const bounds = spec.resize!;
  const [drag, setDrag] = useState<{ x: number; width: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ x: e.clientX, width });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag) onResize(column, drag.width + e.clientX - drag.x, false);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    onResize(column, drag.width + e.clientX - drag.x, true);
    setDrag(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const to =
      e.key === "ArrowLeft"
        ? width - step
        : e.key === "ArrowRight"
          ? width + step
          : e.key === "Home"
            ? bounds.min
            : e.key === "End"
              ? bounds.max
              : e.key === "Enter"
                ? spec.width
                : null;
    if (to === null) return;
    e.preventDefault();
    onResize(column, to, true);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Width of the ${bounds.label} column`}
      aria-valuenow={width}
      aria-valuemin={bounds.min}
      aria-valuemax={bounds.max}
      aria-valuetext={`${width} pixels`}
      tabIndex={0}
      title="Drag, or use ← and →, to resize; double-click or Enter for the default width"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onDoubleClick={() => onResize(column, spec.width, true)}
      onKeyDown={onKeyDown}
      data-column={column}
      className={`group absolute inset-y-0 -right-3 z-10 flex w-6 cursor-col-resize touch-none justify-center outline-none focus-visible:bg-indigo-100 ${
        drag ? "bg-indigo-100" : ""
      }`}
    >
      <span
        aria-hidden
        className={`h-full w-px ${drag ? "bg-indigo-600" : "bg-slate-200 group-hover:bg-indigo-400 group-focus-visible:bg-indigo-600"}`}
      />
    </div>
  );
}
