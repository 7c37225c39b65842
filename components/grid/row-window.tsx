"use client";

/**
 * Long lists drawn in two steps: the server (and the hydrating browser) draws only the first rows,
 * and the browser draws the rest right after hydration, at transition priority so the page stays
 * responsive. A note says how many rows are shown while not all of them are, so a reader without
 * scripts is not misled. The print view never windows.
 */
import { useDeferredValue, useSyncExternalStore } from "react";

/** Rows a long list draws on the server and during hydration. */
export const FIRST_ROWS = 25;

const noSubscribe = () => () => {};

/** False on the server and while hydrating, true after (no hydration mismatch). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

/** How many of `total` rows to draw now: the first `first` at first, all of them once hydrated. */
export function useRowWindow(total: number, first = FIRST_ROWS): number {
  // The deferred value starts false even on a client-side navigation, so the full list is always a
  // second, interruptible render.
  const all = useDeferredValue(useHydrated(), false);
  return all ? total : Math.min(total, first);
}

const count = new Intl.NumberFormat("en-US");

/** "Showing the first 25 of 1,000 rows…" while a list is windowed; nothing once every row is drawn. */
export function RowWindowNote({ shown, total, noun }: { shown: number; total: number; noun: string }) {
  if (shown >= total) return null;
  return (
    <p className="mt-2 text-xs text-slate-600" data-row-window={`${shown}/${total}`}>
      {`Showing the first ${count.format(shown)} of ${count.format(total)} ${noun}; the rest appear once the page has finished loading (the print view lists them all).`}
    </p>
  );
}
