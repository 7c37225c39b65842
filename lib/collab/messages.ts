/**
 * What happens on an open socket: the sync exchange, presence, writes (checked, queued for the
 * group commit, and applied and acknowledged only once stored), refusal of writes from read-only
 * connections, and bad frames closing only their sender (4400). Also the heartbeat that finds
 * half-open sockets.
 */
import * as awarenessProtocol from "y-protocols/awareness";
import type { RawData, WebSocket } from "ws";
import * as Y from "yjs";
import { processMetrics } from "@/lib/metrics";
import type { CollabIdentity } from "./auth";
import type { GroupCommitter, Write } from "./committer";
import { Connection } from "./connection";
import { hasNews } from "./news";
import type { OutboundBudget } from "./outbound";
import {
  awarenessClientIds,
  CLOSE,
  encodeSaved,
  encodeStoreStatus,
  encodeSyncMessage,
  parseClientMessage,
  SYNC_STEP2,
} from "./protocol";
import type { AccessRechecks } from "./rechecks";
import { FROM_STORE, type Room } from "./room";
import type { RoomRegistry } from "./rooms";

const HEARTBEAT_MS = 30_000;

const toBytes = (data: RawData): Uint8Array =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : Array.isArray(data)
      ? new Uint8Array(Buffer.concat(data))
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

export class MessageHandler {
  private heartbeat: NodeJS.Timeout;

  constructor(
    private rooms: RoomRegistry,
    private committer: GroupCommitter,
    private outbound: OutboundBudget,
    private rechecks: AccessRechecks,
    private isClosing: () => boolean,
  ) {
    // Half-open sockets (a laptop closed, a network gone) are found by ping and let go.
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS).unref();
  }

  /** Join an upgraded socket to its room; `release` runs once it closes (the upgrade's counters). */
  attach(ws: WebSocket, room: Room, identity: CollabIdentity, token: string | null, release: () => void) {
    ws.binaryType = "arraybuffer";
    const conn = new Connection(ws, room.planId, identity, token, this.outbound);
    const m = processMetrics();
    let role = identity.role;
    m.connections.inc({ role });
    room.add(conn);

    ws.on("pong", () => (conn.alive = true));
    ws.on("message", (data, isBinary) => {
      conn.alive = true;
      if (!isBinary) return this.closeBad(conn, CLOSE.badData, "text frame");
      this.onMessage(conn, room, toBytes(data));
    });
    ws.on("error", (err: Error & { code?: string }) => {
      // ws closes the socket itself (1009 for an oversized message, 1002 for a broken frame).
      const reason = err.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? "too-big" : "protocol";
      m.closedBadFrames.inc({ reason });
      console.warn(`[collab] closed ${conn.identity.key} on plan ${room.planId}: ${err.message}`);
    });
    const expiry = this.rechecks.closeAtExpiry(conn);
    ws.on("close", () => {
      if (expiry) clearTimeout(expiry);
      conn.closed = true;
      this.outbound.forget(conn);
      role = conn.identity.role;
      m.connections.dec({ role });
      room.remove(conn);
      release();
      this.rooms.maybeIdle(room);
    });

    // Editors are asked for what they have (offline edits arrive as sync step 2); viewers are not.
    if (!conn.readOnly) conn.send(room.syncStep1());
    if (!conn.readOnly && this.committer.storeDown) conn.send(encodeStoreStatus(false));
    const presence = room.allAwareness();
    if (presence) conn.send(presence);
  }

  private ping() {
    for (const room of this.rooms.values()) {
      for (const conn of room.conns) {
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        try {
          conn.ws.ping();
        } catch {
          conn.ws.terminate();
        }
      }
    }
  }

  /** Send a message to every connection that may write (e.g. whether the store takes writes). */
  tellEditors(message: Uint8Array) {
    for (const room of this.rooms.values()) for (const conn of room.conns) if (!conn.readOnly) conn.send(message);
  }

  private closeBad(conn: Connection, code: number, reason: string) {
    processMetrics().closedBadFrames.inc({ reason: code === CLOSE.tooBig ? "too-big" : "malformed" });
    console.warn(`[collab] closed ${conn.identity.key} on plan ${conn.planId}: ${reason}`);
    conn.close(code, reason);
  }

  private onMessage(conn: Connection, room: Room, data: Uint8Array) {
    if (conn.closed) return;
    const msg = parseClientMessage(data);
    switch (msg.type) {
      case "bad":
        return this.closeBad(conn, CLOSE.badData, msg.reason);
      case "sync-step1": {
        let diff: Uint8Array;
        try {
          diff = Y.encodeStateAsUpdate(room.doc, msg.stateVector);
        } catch {
          return this.closeBad(conn, CLOSE.badData, "unreadable state vector");
        }
        return conn.send(encodeSyncMessage(SYNC_STEP2, diff));
      }
      case "write": {
        // Shutting down: what is queued is being flushed; later writes are not acknowledged and
        // reach the next instance through the sync exchange after the client reconnects.
        if (this.isClosing()) return;
        if (conn.readOnly) {
          // Never applied, stored or relayed; the socket stays open for reading.
          processMetrics().refusedWrites.inc({ kind: msg.kind });
          return;
        }
        let empty: boolean;
        try {
          empty = !hasNews(room.doc, msg.update, msg.kind === "step2");
        } catch {
          return this.closeBad(conn, CLOSE.badData, "unreadable update");
        }
        conn.writesReceived++;
        const write: Write = { planId: room.planId, conn, update: msg.update, seq: conn.writesReceived, empty };
        return this.committer.enqueue(write);
      }
      case "awareness":
        try {
          // A connection speaks only for its own presence: it may not overwrite or remove another's.
          if (awarenessClientIds(msg.update).some((id) => room.awarenessOwner(id, conn) !== conn)) return;
          awarenessProtocol.applyAwarenessUpdate(room.awareness, msg.update, conn);
        } catch {
          this.closeBad(conn, CLOSE.badData, "unreadable awareness update");
        }
        return;
      case "query-awareness": {
        const presence = room.allAwareness();
        if (presence) conn.send(presence);
        return;
      }
    }
  }

  /** Committed writes: apply (which broadcasts and relays), acknowledge, schedule follow-ups. */
  committed(writes: Write[]) {
    const acks = new Map<Connection, number>();
    const byRoom = new Map<Room, Write[]>();
    for (const w of writes) {
      const room = this.rooms.get(w.planId);
      if (room && !w.empty) {
        const list = byRoom.get(room);
        if (list) list.push(w);
        else byRoom.set(room, [w]);
      }
      if (w.conn) acks.set(w.conn, w.seq);
    }
    for (const [room, own] of byRoom) {
      room.batch(() => {
        for (const w of own) {
          try {
            Y.applyUpdate(room.doc, w.update, w.conn ?? FROM_STORE);
          } catch (err) {
            console.error(
              `[collab] stored update of plan ${w.planId} could not be applied:`,
              err instanceof Error ? err.message : err,
            );
            if (w.conn) this.closeBad(w.conn, CLOSE.badData, "update could not be applied");
          }
          room.logRows++;
        }
      });
    }
    const touched = byRoom.keys();
    for (const [conn, seq] of acks) conn.send(encodeSaved(seq));
    for (const room of touched) {
      this.rooms.projectIfChanged(room);
      this.rooms.maybeCompact(room);
    }
  }

  /** Not stored, so not applied or acknowledged: the sender reconnects and re-sends by sync. */
  commitFailed(writes: Write[], err: unknown) {
    console.error(`[collab] could not store ${writes.length} update(s):`, err instanceof Error ? err.message : err);
    for (const w of writes) w.conn?.close(CLOSE.serverError, "Could not save; reconnect to retry");
  }

  /** Shutdown: stop the heartbeat. */
  close() {
    clearInterval(this.heartbeat);
  }
}
