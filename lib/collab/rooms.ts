/**
 * The plans this server holds in memory, one Room each: loaded on first use, compacted when their
 * log grows, unloaded once idle. Updates relayed from other instances and re-syncs from the store
 * land here too, and so do server-side edits (server-edit.ts).
 */
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { processMetrics } from "@/lib/metrics";
import { ActivityRecorder } from "./activity";
import type { CollabConfig } from "./config";
import { WorkerMerger } from "./merger";
import { appendUpdates, applyState, compact, loadState } from "./persistence";
import { ProjectionScheduler } from "./projection";
import type { RedisRelay } from "./relay";
import { FROM_RELAY, FROM_SERVER, FROM_STORE, Room } from "./room";
import type { MakeUpdate } from "./server-edit";

/** Quiet time after the last write before a log over the threshold is compacted. */
const COMPACT_QUIET_MS = 1000;
/** Past this many times the threshold a plan is compacted even while writes keep coming. */
const COMPACT_BUSY_FACTOR = 10;

export class RoomRegistry {
  private rooms = new Map<string, Room>();
  private loading = new Map<string, Promise<Room>>();
  /** Relayed updates of plans being loaded, applied once their state is read. */
  private earlyUpdates = new Map<string, (p: Uint8Array) => void>();
  /** Who changed which section, counted after updates are applied and written in batches. */
  private activity = new ActivityRecorder();
  readonly projections: ProjectionScheduler;
  /** Compaction's folds, off the event loop. */
  private merger = new WorkerMerger();

  constructor(
    private config: CollabConfig,
    private relay: RedisRelay | null,
    /** Resolves once every write received so far is stored (a room unloads only after). */
    private drainWrites: () => Promise<void>,
    private isClosing: () => boolean,
  ) {
    this.projections = new ProjectionScheduler(config.projectionDebounceMs, (planId) => this.rooms.get(planId)?.doc);
  }

  get(planId: string): Room | undefined {
    return this.rooms.get(planId);
  }

  values(): IterableIterator<Room> {
    return this.rooms.values();
  }

  get size() {
    return this.rooms.size;
  }

  /** Schedule a projection of the room if something it reads has changed. */
  projectIfChanged(room: Room) {
    if (room.takeProjection()) this.projections.schedule(room.planId);
  }

  /** Re-project every open plan (projections that failed during a database outage). */
  projectAll() {
    for (const room of this.rooms.values()) this.projections.schedule(room.planId);
  }

  /** The room of a plan, loading snapshot + tail on first use (subscribed to the relay first). */
  async acquire(planId: string): Promise<Room> {
    for (;;) {
      const existing = this.rooms.get(planId);
      if (existing && !existing.unloading) {
        if (existing.idleTimer) clearTimeout(existing.idleTimer);
        existing.idleTimer = null;
        return existing;
      }
      if (existing?.unloading) {
        await existing.unloading;
        continue;
      }
      const pending = this.loading.get(planId);
      if (pending) return pending;
      const load = this.load(planId).finally(() => this.loading.delete(planId));
      this.loading.set(planId, load);
      return load;
    }
  }

  private async load(planId: string): Promise<Room> {
    // Subscribe before reading the store: nothing published meanwhile is missed (applying twice is harmless).
    const early: Uint8Array[] = [];
    const relay = this.relay;
    if (relay) await relay.subscribe(planId);
    const bufferEarly = (p: Uint8Array) => early.push(p);
    this.earlyUpdates.set(planId, bufferEarly);
    try {
      const state = await loadState(planId);
      const doc = new Y.Doc();
      applyState(doc, state);
      for (const u of early) Y.applyUpdate(doc, u, FROM_RELAY);
      const room = new Room(
        planId,
        doc,
        state.updates.length,
        relay ? (kind, payload) => relay.publish(planId, kind, payload) : null,
      );
      // Runs after an update is applied, i.e. after it was stored and broadcast; only counts in memory.
      doc.on("afterTransaction", (tr: Y.Transaction) => this.activity.observe(planId, tr));
      this.rooms.set(planId, room);
      processMetrics().openDocuments.inc();
      // A crash may have left the projection behind the log's tail: catch up on open.
      if (state.updates.length > 0) this.projections.schedule(planId);
      this.maybeCompact(room);
      return room;
    } catch (err) {
      if (relay) await relay.unsubscribe(planId);
      throw err;
    } finally {
      this.earlyUpdates.delete(planId);
    }
  }

  /**
   * Fold the log into the snapshot in the background once `COLLAB_COMPACT_AFTER` rows piled up:
   * when writes pause for COMPACT_QUIET_MS, so nobody's edit waits behind it, or at once past
   * COMPACT_BUSY_FACTOR times the threshold, so a plan edited without pause still gets compacted.
   */
  maybeCompact(room: Room) {
    if (room.compacting || room.logRows < this.config.compactAfter) return;
    if (room.logRows >= this.config.compactAfter * COMPACT_BUSY_FACTOR) return this.compactNow(room);
    if (room.compactTimer) return void room.compactTimer.refresh();
    room.compactTimer = setTimeout(() => this.compactNow(room), COMPACT_QUIET_MS);
    room.compactTimer.unref?.();
  }

  private compactNow(room: Room) {
    if (room.compactTimer) clearTimeout(room.compactTimer);
    room.compactTimer = null;
    if (room.compacting || room.unloading || this.isClosing()) return;
    room.compacting = true;
    compact(room.planId, this.merger.merge)
      .then((merged) => {
        room.logRows = Math.max(0, room.logRows - merged);
        if (merged) processMetrics().compactions.inc();
      })
      .catch((err) =>
        console.error(`[collab] compaction of plan ${room.planId} failed:`, err instanceof Error ? err.message : err),
      )
      .finally(() => (room.compacting = false));
  }

  /** An update or presence change another instance relayed (already stored by that instance). */
  relayed(planId: string, kind: "update" | "awareness", payload: Uint8Array) {
    const room = this.rooms.get(planId);
    if (!room) {
      if (kind === "update") this.earlyUpdates.get(planId)?.(payload);
      return;
    }
    try {
      if (kind === "update") {
        Y.applyUpdate(room.doc, payload, FROM_RELAY);
        this.projectIfChanged(room);
      } else awarenessProtocol.applyAwarenessUpdate(room.awareness, payload, FROM_RELAY);
    } catch (err) {
      console.error(
        `[collab] unreadable relayed ${kind} for plan ${planId}:`,
        err instanceof Error ? err.message : err,
      );
    }
  }

  /** After a Redis outage relayed updates may be missing: top every open document up from the store. */
  async resyncFromStore(planId?: string) {
    for (const room of this.rooms.values()) {
      if (planId && room.planId !== planId) continue;
      try {
        applyState(room.doc, await loadState(room.planId), FROM_STORE);
        this.projectIfChanged(room);
      } catch (err) {
        console.error(`[collab] resync of plan ${room.planId} failed:`, err instanceof Error ? err.message : err);
      }
    }
  }

  /** Start the idle timer of a room nobody uses any more. */
  maybeIdle(room: Room) {
    if (room.inUse || room.idleTimer || room.unloading || this.isClosing()) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      if (!room.inUse) void this.unload(room);
    }, this.config.idleUnloadMs);
    room.idleTimer.unref?.();
  }

  /** Let an idle document leave memory: its writes committed, projected and compacted first. */
  private unload(room: Room): Promise<void> {
    room.unloading ??= (async () => {
      try {
        await this.drainWrites();
        await this.projections.flush(room.planId);
        if (room.logRows > 0 && !room.compacting) await compact(room.planId, this.merger.merge).catch(() => 0);
      } finally {
        if (this.relay) await this.relay.unsubscribe(room.planId);
        this.rooms.delete(room.planId);
        room.destroy();
        processMetrics().openDocuments.dec();
      }
    })();
    return room.unloading;
  }

  /**
   * A server-side edit (see server-edit.ts): made against the room's current state, stored in the
   * log, then applied to the room so connected clients and the relay receive it, then projected.
   */
  async serverEdit(planId: string, makeUpdate: MakeUpdate): Promise<void> {
    if (this.isClosing()) throw new Error("The collaboration server is shutting down.");
    const room = await this.acquire(planId);
    room.joining++; // keeps the room in memory while the edit is stored
    try {
      const update = makeUpdate(Y.encodeStateAsUpdate(room.doc));
      if (!update) return;
      await appendUpdates([{ planId, data: update }]);
      Y.applyUpdate(room.doc, update, FROM_SERVER);
      room.logRows++;
      this.projections.schedule(planId);
      await this.projections.flush(planId);
    } finally {
      room.joining--;
      this.maybeIdle(room);
    }
  }

  /** Shutdown, once every write is stored: write the last projections and activity, drop every room. */
  async close(): Promise<void> {
    await this.projections.close();
    await this.activity.close();
    await this.merger.close();
    for (const room of [...this.rooms.values()]) {
      if (room.idleTimer) clearTimeout(room.idleTimer);
      room.destroy();
    }
    processMetrics().openDocuments.dec(this.rooms.size);
    this.rooms.clear();
  }
}
