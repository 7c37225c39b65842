/**
 * The collaboration server: y-websocket protocol on `/collab/<planId>`, authenticated before the
 * upgrade, persisted before broadcast, optionally relayed through Redis. One instance per process
 * in production (server.ts); tests and benchmarks may run several.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import * as awarenessProtocol from "y-protocols/awareness";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import * as Y from "yjs";
import type { AccessChange } from "./access-hook";
import { authorizeUpgrade, planIdFromPath, type CollabIdentity, type ShareTokenResolver } from "./auth";
import { GroupCommitter, type Write } from "./committer";
import type { CollabConfig } from "./config";
import { Connection } from "./connection";
import { OutboundBudget } from "./outbound";
import { hasNews } from "./news";
import { processMetrics } from "@/lib/metrics";
import {
  awarenessClientIds,
  CLOSE,
  encodeSaved,
  encodeStoreStatus,
  encodeSyncMessage,
  parseClientMessage,
  SYNC_STEP2,
} from "./protocol";
import { RedisRelay } from "./relay";
import { UpgradeLimiter } from "./upgrade-limit";
import { FROM_STORE, type Room } from "./room";
import { AccessRechecks } from "./rechecks";
import { RoomRegistry } from "./rooms";
import { registerServerEditor } from "./server-edit";

export type CollabServerOptions = {
  config: CollabConfig;
  /** next-auth's secret, to read the session cookie. */
  secret: string;
  redisUrl?: string;
  /** Share links plug in here (read-only principals); without it every `?token=` is refused. */
  resolveShareToken?: ShareTokenResolver;
  /** Behind a reverse proxy: count upgrade attempts by X-Forwarded-For's first address. */
  trustProxy?: boolean;
};

const HEARTBEAT_MS = 30_000;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

function refuse(socket: Duplex, status: number) {
  processMetrics().refusedUpgrades.inc({ status: String(status) });
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const toBytes = (data: RawData): Uint8Array =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : Array.isArray(data)
      ? new Uint8Array(Buffer.concat(data))
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

export class CollabServer {
  private wss: WebSocketServer;
  private rooms: RoomRegistry;
  private perUser = new Map<string, number>();
  private perPlan = new Map<string, number>();
  private committer: GroupCommitter;
  private relay: RedisRelay | null = null;
  private stopServerEdits: () => void;
  private rechecks: AccessRechecks;
  private heartbeat: NodeJS.Timeout;
  private closing = false;
  private upgradeLimiter: UpgradeLimiter;
  private outbound: OutboundBudget;

  constructor(private opts: CollabServerOptions) {
    this.upgradeLimiter = new UpgradeLimiter(opts.config.upgradesPerMinute, opts.trustProxy);
    this.outbound = new OutboundBudget(opts.config.maxBufferedPerSocket, opts.config.maxBufferedTotal);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: opts.config.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.committer = new GroupCommitter(
      (writes) => this.committed(writes),
      (writes, err) => this.commitFailed(writes, err),
      {
        inFlight: opts.config.commitsInFlight,
        retryMs: opts.config.storeRetryMs,
        maxPendingBytes: opts.config.maxPendingBytes,
        // Projections that failed during the outage are written now.
        onRecovered: () => {
          this.rooms.projectAll();
          this.tellEditors(encodeStoreStatus(true));
        },
        // Editors are told their edits cannot be saved for now (held, not lost) instead of "Saving…" forever.
        onDown: () => this.tellEditors(encodeStoreStatus(false)),
      },
    );
    if (opts.redisUrl) {
      this.relay = new RedisRelay(
        opts.redisUrl,
        (planId, kind, payload) => this.rooms.relayed(planId, kind, payload),
        () => void this.rooms.resyncFromStore(),
        (planId) => void this.rooms.resyncFromStore(planId),
      );
    }
    this.rooms = new RoomRegistry(
      opts.config,
      this.relay,
      () => this.committer.drain(),
      () => this.closing,
    );
    this.rechecks = new AccessRechecks(this.rooms, opts.config.recheckMs, opts.resolveShareToken);
    // Services (approval baselines, duplicates) edit documents through this instance: editPlanDocument.
    this.stopServerEdits = registerServerEditor((planId, makeUpdate) => this.rooms.serverEdit(planId, makeUpdate));
    // Half-open sockets (a laptop closed, a network gone) are found by ping and let go.
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS).unref();
  }

  /** Resolves when the Redis relay (if any) is connected. */
  async ready() {
    await this.relay?.ready();
  }

  /** True when the request is for us (and then we own the socket). */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? "/").split("?")[0]!.startsWith("/collab/");
  }

  /** Authorize, check limits, load the document, then upgrade; refusals answer with an HTTP status. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => {});
    if (this.closing) return refuse(socket, 503);
    if (!(await this.upgradeLimiter.allow(req))) return refuse(socket, 429);
    const decision = await authorizeUpgrade(req, {
      secret: this.opts.secret,
      resolveShareToken: this.opts.resolveShareToken,
    });
    if (!decision.ok) return refuse(socket, decision.status);
    const { planId, identity } = decision;
    const { maxConnectionsPerPlan, maxConnectionsPerUser } = this.opts.config;
    if (
      (this.perPlan.get(planId) ?? 0) >= maxConnectionsPerPlan ||
      (this.perUser.get(identity.key) ?? 0) >= maxConnectionsPerUser
    ) {
      return refuse(socket, 429);
    }
    this.count(planId, identity.key, +1);
    let room: Room;
    try {
      room = await this.rooms.acquire(planId);
    } catch (err) {
      this.count(planId, identity.key, -1);
      console.error(`[collab] could not load plan ${planId}:`, err instanceof Error ? err.message : err);
      return refuse(socket, 503);
    }
    room.joining++;
    if (socket.destroyed || this.closing) {
      room.joining--;
      this.count(planId, identity.key, -1);
      this.rooms.maybeIdle(room);
      return;
    }
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token");
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      room.joining--;
      this.attach(ws, room, identity, token);
    });
  }

  private count(planId: string, key: string, delta: number) {
    for (const [map, k] of [
      [this.perPlan, planId],
      [this.perUser, key],
    ] as const) {
      const n = (map.get(k) ?? 0) + delta;
      if (n > 0) map.set(k, n);
      else map.delete(k);
    }
  }

  private attach(ws: WebSocket, room: Room, identity: CollabIdentity, token: string | null) {
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
      this.count(room.planId, identity.key, -1);
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

  private tellEditors(message: Uint8Array) {
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
        if (this.closing) return;
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
  private committed(writes: Write[]) {
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
  private commitFailed(writes: Write[], err: unknown) {
    console.error(`[collab] could not store ${writes.length} update(s):`, err instanceof Error ? err.message : err);
    for (const w of writes) w.conn?.close(CLOSE.serverError, "Could not save; reconnect to retry");
  }

  /** Re-check the access of matching connections; close those that lost it, adjust roles that changed. */
  recheck(change: AccessChange): Promise<void> {
    return this.rechecks.recheck(change);
  }

  /** Number of documents in memory (tests, benchmarks). */
  get openDocuments() {
    return this.rooms.size;
  }

  /** The in-memory document of a plan, if loaded (tests). */
  docOf(planId: string): Y.Doc | undefined {
    return this.rooms.get(planId)?.doc;
  }

  /**
   * Graceful shutdown: refuse new upgrades (503), store every pending write (their senders get their
   * "saved"), then close every socket with 1001 so clients reconnect to another instance.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.rechecks.close();
    clearInterval(this.heartbeat);
    this.stopServerEdits();
    await this.committer.drain();
    for (const room of this.rooms.values())
      for (const conn of room.conns) conn.close(CLOSE.goingAway, "Server shutting down");
    await this.rooms.close();
    this.wss.close();
    await this.relay?.close();
  }
}

export { planIdFromPath };
