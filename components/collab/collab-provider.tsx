"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { CollabClient, type CollabSnapshot, type CollabUser } from "./collab-client";

const Ctx = createContext<CollabClient | null>(null);

/** Joins the plan's live document for everything inside it. */
export function CollabProvider({
  planId,
  user,
  readOnly,
  shareToken,
  children,
}: {
  planId: string;
  user: CollabUser;
  readOnly: boolean;
  shareToken?: string;
  children: ReactNode;
}) {
  const [client, setClient] = useState<CollabClient | null>(null);
  useEffect(() => {
    // The page has hydrated (read by bench/gantt.ts).
    performance.mark("pw-hydrated");
    const c = new CollabClient(planId, user, readOnly, shareToken);
    c.start();
    // The client needs browser APIs (WebSocket, IndexedDB), so it can only exist after mount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setClient(c);
    return () => {
      setClient(null);
      c.destroy();
    };
    // The user's display name changing does not warrant a new connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planId, user.id, readOnly, shareToken]);
  return <Ctx.Provider value={client}>{children}</Ctx.Provider>;
}

/** The live client, or null during the first paint (server render, before the effect runs). */
export function useCollabClient(): CollabClient | null {
  return useContext(Ctx);
}

const idle: CollabSnapshot = {
  connection: "connecting",
  save: "saved",
  refusal: null,
  ready: false,
  peers: [],
  canUndo: false,
  canRedo: false,
  readOnly: true,
  roleChange: null,
};
const noop = () => () => {};

export function useCollabState(): CollabSnapshot {
  const client = useCollabClient();
  return useSyncExternalStore(client?.subscribe ?? noop, client?.getSnapshot ?? (() => idle), () => idle);
}

/**
 * One field of the live client's state, for components that need only that field: they re-render when
 * it changes, not on every presence or save-state change. `absent` is the value before the client
 * exists (the server render and the first paint).
 */
export function useCollabField<K extends keyof CollabSnapshot>(key: K, absent: CollabSnapshot[K]): CollabSnapshot[K] {
  const client = useCollabClient();
  return useSyncExternalStore(
    client?.subscribe ?? noop,
    () => (client ? client.getSnapshot()[key] : absent),
    () => absent,
  );
}
