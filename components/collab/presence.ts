"use client";

/**
 * Presence, decoded once. Awareness states come from other browsers, so everything read from them
 * is checked here: a name is a short string, a colour a plain hex colour (it ends up in style
 * attributes), an id a short string. Everything else — the status bar's avatars, the cells the grids
 * outline, the bars others drag on the timeline, the cursors in the strategy editor — reads states
 * through this module.
 */
import { useCallback, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Peer } from "./collab-client";
import { useCollabClient } from "./collab-provider";
import { colorFor } from "./colors";

type State = Record<string, unknown>;
/** The part of a y-protocols Awareness this module reads. */
export type AwarenessLike = {
  clientID: number;
  getStates: () => Map<number, State>;
  on: (event: "change", fn: () => void) => void;
  off: (event: "change", fn: () => void) => void;
};
/** Another browser on the plan: its client id, its whole state, and its user if it names one. */
export type Other = { clientId: number; state: State; user: PresenceUser | null };
export type PresenceUser = { id: string; name: string; color: string };

const HEX = /^#[0-9a-f]{6}$/i;
export const isShortText = (v: unknown, max = 200): v is string =>
  typeof v === "string" && v.length > 0 && v.length <= max;

/** The name and colour to draw for a state, whatever it holds ("Someone", a colour from its id). */
export function lookOf(state: State, clientId: number): { name: string; color: string } {
  const u = (state.user ?? {}) as { id?: unknown; name?: unknown; color?: unknown };
  const id = typeof u.id === "string" ? u.id : String(clientId);
  const color = typeof u.color === "string" && HEX.test(u.color) ? u.color : colorFor(id);
  const name = typeof u.name === "string" && u.name.trim() ? u.name.slice(0, 80) : "Someone";
  return { name, color };
}

/** The person a state says it belongs to, or null when it names no one. */
export function userOf(state: State, clientId: number): PresenceUser | null {
  const u = state.user as { id?: unknown; name?: unknown } | undefined;
  if (!u || !isShortText(u.id) || typeof u.name !== "string") return null;
  return { id: u.id, ...lookOf(state, clientId) };
}

/** Every state but this browser's own, in awareness order. */
export function othersOf(awareness: Pick<AwarenessLike, "clientID" | "getStates">): Other[] {
  const out: Other[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId !== awareness.clientID) out.push({ clientId, state, user: userOf(state, clientId) });
  }
  return out;
}

/** The people on the plan for the status bar: one entry per person (several tabs count once), with their section. */
export function peersOf(others: readonly Other[]): Peer[] {
  const seen = new Set<string>();
  const peers: Peer[] = [];
  for (const { clientId, state, user } of others) {
    if (!user || seen.has(user.id)) continue;
    seen.add(user.id);
    const section = typeof state.section === "string" ? state.section : null;
    peers.push({ clientId, userId: user.id, name: user.name, color: user.color, section });
  }
  return peers;
}

// One value per awareness and key, re-read only after awareness changed; a re-read value equal to the
// last one is dropped for it, so nothing re-renders when presence moved somewhere it does not show.
const snapshots = new WeakMap<object, Map<string, { value: unknown; stale: boolean }>>();

/**
 * What `read` makes of everyone else's states, kept while `same` says it did not change. `key` names
 * the reading (components with the same key share it); `empty` is the value without a live document.
 */
export function useOthers<T>(key: string, read: (others: Other[]) => T, same: (a: T, b: T) => boolean, empty: T): T {
  const client = useCollabClient();
  const awareness = (client?.provider.awareness ?? null) as AwarenessLike | null;
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!awareness) return () => {};
      const onChange = () => {
        const entry = snapshots.get(awareness)?.get(key);
        if (entry) entry.stale = true;
        notify();
      };
      awareness.on("change", onChange);
      return () => awareness.off("change", onChange);
    },
    [awareness, key],
  );
  const get = () => {
    if (!awareness) return empty;
    let byKey = snapshots.get(awareness);
    if (!byKey) snapshots.set(awareness, (byKey = new Map()));
    const entry = byKey.get(key) as { value: T; stale: boolean } | undefined;
    if (entry && !entry.stale) return entry.value;
    const fresh = read(othersOf(awareness));
    const value = entry && same(entry.value, fresh) ? entry.value : fresh;
    byKey.set(key, { value, stale: false });
    return value;
  };
  return useSyncExternalStore(subscribe, get, () => empty);
}

const noPeers: Peer[] = [];
const samePeers = (a: readonly Peer[], b: readonly Peer[]) =>
  a.length === b.length &&
  a.every(
    (p, i) =>
      p.clientId === b[i]!.clientId &&
      p.userId === b[i]!.userId &&
      p.name === b[i]!.name &&
      p.color === b[i]!.color &&
      p.section === b[i]!.section,
  );

/** The other people on the plan, as the status bar shows them. */
export const usePeers = () => useOthers("peers", peersOf, samePeers, noPeers);

/** A remote cursor only if it decodes: a peer's malformed state must not break our editor. */
function cursorOf(cursor: unknown) {
  if (!cursor || typeof cursor !== "object") return null;
  const { anchor, head } = cursor as { anchor?: unknown; head?: unknown };
  try {
    Y.createRelativePositionFromJSON(anchor);
    Y.createRelativePositionFromJSON(head);
    return { anchor, head };
  } catch {
    return null;
  }
}

/**
 * The awareness as the CodeMirror binding sees it: every state with a checked name and colour (the
 * binding writes `user.color` into a style attribute) and a cursor that decodes; this client's own
 * state is untouched.
 */
export function safeAwareness(awareness: Awareness) {
  return {
    doc: awareness.doc,
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field: string, value: unknown) => awareness.setLocalStateField(field, value),
    on: (event: "change", fn: (...args: unknown[]) => void) => awareness.on(event, fn),
    off: (event: "change", fn: (...args: unknown[]) => void) => awareness.off(event, fn),
    getStates: () => {
      const out = new Map<
        number,
        { user: { name: string; color: string; colorLight: string }; cursor: ReturnType<typeof cursorOf> }
      >();
      for (const [clientId, state] of awareness.getStates()) {
        const { name, color } = lookOf(state, clientId);
        out.set(clientId, { user: { name, color, colorLight: `${color}33` }, cursor: cursorOf(state.cursor) });
      }
      return out;
    },
  };
}
