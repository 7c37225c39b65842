"use client";

/**
 * The work breakdown controls of one grid row: the drag handle with its keys, and buttons for every
 * move a drag can make (WCAG 2.2 SC 2.5.7), each at least 24 × 24 px (SC 2.5.8).
 */
import type { KeyboardEvent, RefObject } from "react";
import type { DropPosition } from "@/lib/plan/wbs";

export const KEYS_HELP_ID = "schedule-keys";

/** What the row's controls call; each returns null, or why the move was refused. */
export interface RowTreeActions {
  indent: (id: string) => string | null;
  outdent: (id: string) => string | null;
  move: (id: string, by: -1 | 1) => string | null;
  drop: (id: string, target: string, where: DropPosition) => string | null;
  addSubtask: (id: string) => string | null;
  dragStart: (id: string) => void;
  dragEnd: () => void;
}

/** Rows hold a ref to the grid's latest handlers: a memoised row must not call stale ones. */
export type TreeRef = RefObject<{ tree: RowTreeActions }>;

/** The focused control stays focused after its row moved (React may re-insert the row's node). */
function keepFocus(run: () => string | null): string | null {
  const el = document.activeElement as HTMLElement | null;
  const result = run();
  requestAnimationFrame(() => {
    // Only when focus was lost: an action that focuses something else (a new subtask's name) keeps that.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (el?.isConnected && lost) el.focus();
  });
  return result;
}

/**
 * Keys that move a row, on its handle and its name field: Alt+↑/↓ move among siblings, Alt+Shift+→/←
 * indent and outdent; on the handle, Tab and Shift+Tab indent and outdent too, and move focus as
 * usual when the row cannot go further (so Tab never traps focus).
 */
export function treeKey(
  e: KeyboardEvent<HTMLElement>,
  id: string,
  ref: TreeRef,
  report: (r: string | null) => void,
  onHandle: boolean,
): boolean {
  const act = ref.current.tree;
  const run = (fn: () => string | null, quiet = false) => {
    const r = keepFocus(fn);
    if (quiet && r) return false;
    e.preventDefault();
    report(r);
    return true;
  };
  if (e.altKey && !e.shiftKey && e.key === "ArrowUp") return run(() => act.move(id, -1));
  if (e.altKey && !e.shiftKey && e.key === "ArrowDown") return run(() => act.move(id, 1));
  if (e.altKey && e.shiftKey && e.key === "ArrowRight") return run(() => act.indent(id));
  if (e.altKey && e.shiftKey && e.key === "ArrowLeft") return run(() => act.outdent(id));
  if (onHandle && e.key === "Tab" && !e.altKey && !e.ctrlKey && !e.metaKey)
    return run(() => (e.shiftKey ? act.outdent(id) : act.indent(id)), true);
  return false;
}

const tool =
  "inline-flex h-6 w-6 shrink-0 items-center justify-center rounded text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-900";

type ControlProps = { id: string; label: string; act: TreeRef; report: (r: string | null) => void };

/** The drag handle: also the row's keyboard stop for moving it. */
export function RowHandle({ id, label, act, report }: ControlProps) {
  return (
    <button
      type="button"
      draggable
      data-row-handle
      aria-label={`Move ${label}`}
      aria-describedby={KEYS_HELP_ID}
      title="Drag to move; Tab / Shift+Tab indent and outdent, Alt+↑/↓ move"
      onKeyDown={(e) => treeKey(e, id, act, report, true)}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", id);
        act.current.tree.dragStart(id);
      }}
      onDragEnd={() => act.current.tree.dragEnd()}
      className={`${tool} cursor-grab active:cursor-grabbing`}
    >
      ⠿
    </button>
  );
}

/** Buttons for each move: up, down, outdent, indent, add a subtask. */
export function RowMoves({ id, label, act, report }: ControlProps) {
  const buttons: [string, string, () => string | null][] = [
    ["↑", `Move ${label} up`, () => act.current.tree.move(id, -1)],
    ["↓", `Move ${label} down`, () => act.current.tree.move(id, 1)],
    ["⇤", `Outdent ${label}`, () => act.current.tree.outdent(id)],
    ["⇥", `Indent ${label}`, () => act.current.tree.indent(id)],
    ["＋", `Add subtask to ${label}`, () => act.current.tree.addSubtask(id)],
  ];
  return (
    <>
      {buttons.map(([glyph, name, fn]) => (
        <button
          key={glyph}
          type="button"
          aria-label={name}
          title={name}
          onClick={() => report(keepFocus(fn))}
          className={tool}
        >
          {glyph}
        </button>
      ))}
    </>
  );
}

/** The grid's keyboard help, named by every handle. */
export function GridKeys() {
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer">Keyboard</summary>
      <div id={KEYS_HELP_ID} className="mt-1 space-y-0.5">
        <p>Tab and Shift+Tab move between fields as usual.</p>
        <p>On a row&apos;s move handle (⠿): Tab indents the row under the one above, Shift+Tab outdents it.</p>
        <p>On the handle or the task name: Alt+↑ / Alt+↓ move the row among its siblings,</p>
        <p>Alt+Shift+→ / Alt+Shift+← indent and outdent it.</p>
        <p>Dragging the handle onto a row&apos;s middle makes it a subtask; between rows, it moves there.</p>
      </div>
    </details>
  );
}
