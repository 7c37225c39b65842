/**
 * One plan's live document in memory: the Y.Doc (holding only persisted content), the awareness
 * of everyone connected, and the connections to fan changes out to.
 */
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { Connection } from "./connection";
import { collections, META, RACI_CELLS, texts } from "@/lib/doc/layout";
import { encodeAwarenessMessage, encodeSyncMessage, SYNC_STEP1, SYNC_UPDATE } from "./protocol";

/** Top-level types the projection reads; a change elsewhere (unknown roots) does not re-project. */
const PROJECTED = new Set<string>([...Object.keys(collections), RACI_CELLS, META, ...Object.values(texts)]);

/** Origins of changes that did not come from a local connection. */
export const FROM_RELAY = Symbol("relay");
export const FROM_STORE = Symbol("store");
/** A server-side edit (server-edit.ts), already stored: broadcast and relayed like a user's. */
export const FROM_SERVER = Symbol("server");

/** Changes made here (by a connection or the server) go to other instances; relayed or loaded ones do not. */
const relayed = (origin: unknown) => origin instanceof Connection || origin === FROM_SERVER;

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Set<Connection>();
  /** Upgrades authorized but not yet attached; the room must not unload under them. */
  joining = 0;
  /** Log rows not yet folded into the snapshot. */
  logRows: number;
  compacting = false;
  /** Set while the log is over the compaction threshold: fires once writes pause (rooms.ts). */
  compactTimer: NodeJS.Timeout | null = null;
  idleTimer: NodeJS.Timeout | null = null;
  unloading: Promise<void> | null = null;
  /** Something the projection reads has changed since it was last scheduled. */
  projectionDirty = false;

  constructor(
    readonly planId: string,
    doc: Y.Doc,
    logRows: number,
    private publish: ((kind: "update" | "awareness", payload: Uint8Array) => void) | null,
  ) {
    this.doc = doc;
    this.logRows = logRows;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    doc.on("update", this.onDocUpdate);
    doc.on("afterTransaction", this.markDirty);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** Only changes to projected sections call for a new projection. (`tr.changed`, not
   *  `changedParentTypes`: a root first created by a remote update is untyped and reports no events.) */
  private markDirty = (tr: Y.Transaction) => {
    if (this.projectionDirty) return;
    const roots = new Set<Y.AbstractType<unknown>>();
    for (const type of tr.changed.keys()) {
      let t = type as Y.AbstractType<unknown>;
      while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
      roots.add(t);
    }
    if (roots.size === 0) return;
    for (const [name, type] of this.doc.share) {
      if (PROJECTED.has(name) && roots.has(type as Y.AbstractType<unknown>)) {
        this.projectionDirty = true;
        return;
      }
    }
  };

  /** Whether to schedule a projection now (and clear the flag). */
  takeProjection(): boolean {
    const dirty = this.projectionDirty;
    this.projectionDirty = false;
    return dirty;
  }

  get inUse() {
    return this.conns.size > 0 || this.joining > 0;
  }

  /** Updates held back while a batch is applied (see `batch`). */
  private held: { update: Uint8Array; origin: unknown }[] | null = null;

  /**
   * Apply several committed writes and send them out as one message: under load a group commit
   * carries many writes to a busy plan, and one merged message per socket instead of one per write
   * keeps the fan-out from growing with the load. Each write stays its own transaction (activity is
   * attributed per sender). Senders receive the merge too; their own part is a no-op to them.
   */
  batch(apply: () => void) {
    this.held = [];
    try {
      apply();
    } finally {
      const held = this.held;
      this.held = null;
      if (held.length === 1) this.fanOut(held[0]!.update, held[0]!.origin);
      else if (held.length > 1) {
        const origins = new Set(held.map((h) => h.origin));
        const merged = Y.mergeUpdates(held.map((h) => h.update));
        this.fanOut(merged, origins.size === 1 ? held[0]!.origin : null, [...origins].some(relayed));
      }
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (this.held) this.held.push({ update, origin });
    else this.fanOut(update, origin);
  };

  /** Fan a committed change out to every connection but its sender, and to other instances. */
  private fanOut(update: Uint8Array, origin: unknown, publish = relayed(origin)) {
    const message = encodeSyncMessage(SYNC_UPDATE, update);
    for (const conn of this.conns) if (conn !== origin) conn.send(message);
    if (publish) this.publish?.("update", update);
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin instanceof Connection) {
      for (const id of added) origin.awarenessClients.add(id);
      for (const id of removed) origin.awarenessClients.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (origin !== FROM_RELAY)
      this.publish?.("awareness", awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const id of changed) this.presenceChanged.add(id);
    if (!this.presenceScheduled) {
      this.presenceScheduled = true;
      setImmediate(this.sendPresence);
    }
  };

  /** Presence that changed since the last fan-out (client ids). */
  private presenceChanged = new Set<number>();
  private presenceScheduled = false;

  /**
   * Presence goes out once per turn of the event loop, with every state that changed in it: each
   * message would otherwise be one write to every socket of the plan, and a burst of presence
   * renewals on a plan with hundreds of readers (clients renew every 15 s, and those that connected
   * together renew together) stalled the server for half a second, which made the burst that
   * followed larger still. Echoed to the senders too: the stock client treats 30 s of silence as a
   * dead connection.
   */
  private sendPresence = () => {
    this.presenceScheduled = false;
    if (this.presenceChanged.size === 0) return;
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.presenceChanged]),
    );
    this.presenceChanged.clear();
    for (const conn of this.conns) conn.send(message);
  };

  /**
   * The connection that may speak for an awareness client id: its holder, or `claimant` when the id is
   * free or held by the same person (a reconnect whose old socket has not closed yet moves it over).
   * A state relayed from another instance may be taken over only by the same signed-in person.
   */
  awarenessOwner(clientId: number, claimant: Connection): Connection | null {
    for (const c of this.conns) {
      if (!c.awarenessClients.has(clientId)) continue;
      if (c === claimant || c.identity.key !== claimant.identity.key) return c;
      c.awarenessClients.delete(clientId);
      claimant.awarenessClients.add(clientId);
      return claimant;
    }
    const state = this.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
    if (!state) return claimant;
    if (claimant.identity.userId === null || state.user?.id !== claimant.identity.userId) return null;
    claimant.awarenessClients.add(clientId);
    return claimant;
  }

  add(conn: Connection) {
    this.conns.add(conn);
  }

  remove(conn: Connection) {
    if (!this.conns.delete(conn)) return;
    if (conn.awarenessClients.size)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClients], null);
  }

  /** Sync step 1 with the document's state vector: asks an editor for what it has that we lack. */
  syncStep1(): Uint8Array {
    return encodeSyncMessage(SYNC_STEP1, Y.encodeStateVector(this.doc));
  }

  allAwareness(): Uint8Array | null {
    const states = this.awareness.getStates();
    if (states.size === 0) return null;
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
  }

  destroy() {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.presenceChanged.clear();
    this.doc.off("update", this.onDocUpdate);
    this.doc.off("afterTransaction", this.markDirty);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
