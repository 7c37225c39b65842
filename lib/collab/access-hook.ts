/**
 * How the rest of the app tells the collaboration server that access changed (a member removed,
 * a role changed, a plan deleted, a share link revoked); rechecks.ts listens. Services live in
 * Next's bundle and the server in server.ts's module graph, so the listener is found through
 * globalThis. Safe to call anywhere: with no collaboration server running it does nothing.
 */
export type AccessChange = { userId?: string; planId?: string; shareTokenId?: string };
type Listener = (change: AccessChange) => Promise<void>;

const KEY = Symbol.for("planwright.collab.accessListeners");
const holder = globalThis as { [KEY]?: Set<Listener> };
const listeners = () => (holder[KEY] ??= new Set());

export function onCollabAccessChanged(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Re-check the matching live connections; those that lost access are closed. */
export async function collabAccessChanged(change: AccessChange): Promise<void> {
  await Promise.all(
    [...listeners()].map((l) =>
      l(change).catch((err) =>
        console.error("[collab] access re-check failed:", err instanceof Error ? err.message : err),
      ),
    ),
  );
}
