"use client";

/**
 * Live plan content for section components. Each hook returns the projection's rows (server-rendered
 * first paint) until the live document is ready, then the document's rows, re-read only when the
 * part of the document it reads changes. Collections are read incrementally (plan-data-rows.ts): a
 * change re-validates only the rows it touched, and unchanged rows keep their objects.
 */
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type * as Y from "yjs";
import {
  assembleContent,
  readRaciCells,
  readSettings,
  raciCellsOf,
  metaOf,
  textOf,
  type CollectionName,
  type DocContent,
  type PlanSettings,
  type RowOf,
  type TextName,
  type WriteResult,
} from "@/lib/doc";
import type { ISODate } from "@/lib/plan/types";
import type { CollabClient } from "./collab-client";
import { useCollabClient, useCollabField } from "./collab-provider";
import { liveRowsOf } from "./plan-data-rows";

/** A workspace member as sections show them (never their email on shared pages). */
export type Person = { id: string; name: string };

type PlanData = {
  planId: string;
  initial: DocContent;
  members: Person[];
  /** Today in the viewer's time zone as the server saw it; sections use it for overdue checks. */
  today: ISODate;
  /** Whether this viewer may edit (the live client must also be ready). */
  canEdit: boolean;
  /** The largest file a schedule import reads (IMPORT_MAX_BYTES; 10 MiB when not given). */
  importMaxBytes?: number;
};

const Ctx = createContext<PlanData | null>(null);

export function PlanDataProvider({ children, ...data }: PlanData & { children: ReactNode }) {
  return <Ctx.Provider value={data}>{children}</Ctx.Provider>;
}

export function usePlanData(): PlanData {
  const data = useContext(Ctx);
  if (!data) throw new Error("usePlanData must be used inside <PlanDataProvider>");
  return data;
}

// One cache per live client: key → last value read, dropped when that part of the document changes.
const caches = new WeakMap<CollabClient, Map<string, unknown>>();
const cacheOf = (client: CollabClient) => {
  let c = caches.get(client);
  if (!c) caches.set(client, (c = new Map()));
  return c;
};

/**
 * Whether the live document is ready. Only that: a component reading plan data does not re-render
 * when the connection or save state changes (useCollabState does, for the status indicator).
 */
function useReady(): boolean {
  return useCollabField("ready", false);
}

function useLive<T>(
  key: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type can be observed
  target: (doc: Y.Doc) => Y.AbstractType<any> | null,
  read: (doc: Y.Doc) => T,
  fallback: T,
): T {
  const client = useCollabClient();
  const ready = useReady();
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!client) return () => {};
      const cache = cacheOf(client);
      const onChange = () => {
        cache.delete(key);
        notify();
      };
      const type = target(client.doc);
      if (type) {
        type.observeDeep(onChange);
        return () => type.unobserveDeep(onChange);
      }
      client.doc.on("afterTransaction", onChange);
      return () => client.doc.off("afterTransaction", onChange);
    },
    // target and read are pure functions of their key
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );
  const get = () => {
    if (!client || !ready) return fallback;
    const cache = cacheOf(client);
    if (!cache.has(key)) cache.set(key, read(client.doc));
    return cache.get(key) as T;
  };
  return useSyncExternalStore(subscribe, get, () => fallback);
}

/** The valid rows of one collection, in display order. */
export function useRows<C extends CollectionName>(name: C): RowOf<C>[] {
  const { initial } = usePlanData();
  const client = useCollabClient();
  const ready = useReady();
  const live = client ? liveRowsOf(client.doc, name) : null;
  const subscribe = useCallback((notify: () => void) => (live ? live.subscribe(notify) : () => {}), [live]);
  const fallback = initial[name] as RowOf<C>[];
  return useSyncExternalStore(
    subscribe,
    () => (live && ready ? live.get() : fallback),
    () => fallback,
  );
}

/** Every collection as the live readers hold it: what readDocContent(doc).content returns. */
const readLiveContent = (doc: Y.Doc): DocContent =>
  assembleContent(doc, (name) => liveRowsOf(doc, name).get(), readRaciCells(doc).cells);

export function useRaciCells(): DocContent["raciCells"] {
  const { initial } = usePlanData();
  return useLive(
    "raci",
    (doc) => raciCellsOf(doc),
    (doc) => readRaciCells(doc).cells,
    initial.raciCells,
  );
}

export function useSettings(): PlanSettings {
  const { initial } = usePlanData();
  return useLive("settings", (doc) => metaOf(doc), readSettings, initial.settings);
}

/** A long-form text as a string (for display; editors bind to the Y.Text itself). */
export function useText(name: TextName): string {
  const { initial } = usePlanData();
  return useLive(
    `text:${name}`,
    (doc) => textOf(doc, name),
    (doc) => textOf(doc, name).toString(),
    initial[name],
  );
}

/** The whole plan (metrics, completeness): re-read after every change to the document. */
export function useDocContent(): DocContent {
  const { initial } = usePlanData();
  return useLive("all", () => null, readLiveContent, initial);
}

/**
 * Apply an edit as one undoable step. Returns the write's result so editors can show why a value
 * was refused; nothing is written when it is invalid or when this viewer cannot edit.
 */
export function useEdit(): { editable: boolean; edit: (fn: (doc: Y.Doc) => WriteResult | void) => WriteResult } {
  const client = useCollabClient();
  // Only the two fields that decide it: editors do not re-render when someone's presence moves.
  const ready = useCollabField("ready", false);
  const readOnly = useCollabField("readOnly", true);
  const { canEdit } = usePlanData();
  const editable = Boolean(client && ready && canEdit && !readOnly);
  const edit = useCallback(
    (fn: (doc: Y.Doc) => WriteResult | void): WriteResult => {
      if (!client || !editable)
        return { ok: false, problems: [{ field: "", message: "This plan is read-only for you." }] };
      let result: WriteResult = { ok: true };
      client.transact((doc) => {
        result = fn(doc) ?? { ok: true };
      });
      return result;
    },
    [client, editable],
  );
  return { editable, edit };
}

/** Name of a person referenced by id: a resource of the plan or a workspace member. */
export function useNameOf(): (id: string | null) => string | null {
  const resources = useRows("resources");
  const { members } = usePlanData();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const m of members) names.set(m.id, m.name);
    for (const r of resources) names.set(r.id, r.name);
    return (id: string | null) => (id ? (names.get(id) ?? null) : null);
  }, [resources, members]);
}
