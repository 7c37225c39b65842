"use client";

/**
 * Which summary rows are collapsed: a view setting of this browser, kept per plan in localStorage
 * and never written to the document (collapsing is not an edit others should see).
 */
import { useCallback, useMemo, useSyncExternalStore } from "react";

const keyOf = (planId: string) => `planwright:schedule-collapsed:${planId}`;
const listeners = new Set<() => void>();
/** Used only where storage refuses writes (private modes, quota). */
const memory = new Map<string, string>();

function read(planId: string): string {
  try {
    return window.localStorage.getItem(keyOf(planId)) ?? "";
  } catch {
    return ""; // storage switched off: everything expanded
  }
}

function write(planId: string, ids: ReadonlySet<string>) {
  try {
    if (ids.size === 0) window.localStorage.removeItem(keyOf(planId));
    else window.localStorage.setItem(keyOf(planId), JSON.stringify([...ids]));
  } catch {
    // Not kept then; this page still follows through the listeners below.
    memory.set(planId, JSON.stringify([...ids]));
  }
  for (const l of listeners) l();
}
function parse(raw: string): ReadonlySet<string> {
  try {
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener); // another tab of the same plan
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function useCollapsed(planId: string) {
  // The raw string is the snapshot (stable between changes); the server renders everything expanded.
  const raw = useSyncExternalStore(
    subscribe,
    () => memory.get(planId) ?? read(planId),
    () => "",
  );
  const collapsed = useMemo(() => parse(raw), [raw]);
  const update = useCallback(
    (fn: (c: ReadonlySet<string>) => ReadonlySet<string>) => {
      const current = parse(memory.get(planId) ?? read(planId));
      const next = fn(current);
      if (next !== current) write(planId, next);
    },
    [planId],
  );
  const without = (c: ReadonlySet<string>, id: string) => new Set([...c].filter((x) => x !== id));
  return {
    collapsed,
    toggle: useCallback((id: string) => update((c) => (c.has(id) ? without(c, id) : new Set([...c, id]))), [update]),
    expand: useCallback((id: string) => update((c) => (c.has(id) ? without(c, id) : c)), [update]),
    setAll: useCallback((ids: Iterable<string>) => update(() => new Set(ids)), [update]),
  };
}
