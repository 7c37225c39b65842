/**
 * The collaboration server: y-websocket protocol on `/collab/<planId>`, authenticated before the
 * upgrade, persisted before broadcast, optionally relayed through Redis. One instance per process
 * in production (server.ts); tests and benchmarks may run several.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { processMetrics } from "@/lib/metrics";
import type { AccessChange } from "./access-hook";
import { authorizeUpgrade, planIdFromPath, type ShareTokenResolver } from "./auth";
import { GroupCommitter } from "./committer";
import type { CollabConfig } from "./config";
import { MessageHandler } from "./messages";
import { OutboundBudget } from "./outbound";
import { CLOSE, encodeStoreStatus } from "./protocol";
import { AccessRechecks } from "./rechecks";
import { RedisRelay } from "./relay";
import type { Room } from "./room";
import { RoomRegistry } from "./rooms";
import { registerServerEditor } from "./server-edit";
import { UpgradeLimiter } from "./upgrade-limit";

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

export class CollabServer {
  private wss: WebSocketServer;
  private rooms: RoomRegistry;
  private perUser = new Map<string, number>();
  private perPlan = new Map<string, number>();
  private committer: GroupCommitter;
  private relay: RedisRelay | null = null;
  private stopServerEdits: () => void;
  private rechecks: AccessRechecks;
  private messages: MessageHandler;
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
      (writes) => this.messages.committed(writes),
      (writes, err) => this.messages.commitFailed(writes, err),
      {
        inFlight: opts.config.commitsInFlight,
        retryMs: opts.config.storeRetryMs,
        maxPendingBytes: opts.config.maxPendingBytes,
        // Projections that failed during the outage are written now.
        onRecovered: () => {
          this.rooms.projectAll();
          this.messages.tellEditors(encodeStoreStatus(true));
        },
        // Editors are told their edits cannot be saved for now (held, not lost) instead of "Saving…" forever.
        onDown: () => this.messages.tellEditors(encodeStoreStatus(false)),
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
    this.messages = new MessageHandler(this.rooms, this.committer, this.outbound, this.rechecks, () => this.closing);
    // Services (approval baselines, duplicates) edit documents through this instance: editPlanDocument.
    this.stopServerEdits = registerServerEditor((planId, makeUpdate) => this.rooms.serverEdit(planId, makeUpdate));
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
      this.messages.attach(ws, room, identity, token, () => this.count(planId, identity.key, -1));
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
    this.messages.close();
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
