/**
 * The collaboration server: y-websocket protocol on `/collab/<planId>`, authenticated before the
 * upgrade, persisted before broadcast, optionally relayed through Redis. One instance per process
 * in production (server.ts); tests and benchmarks may run several.
 *
 * This file only wires the parts together and keeps the order of shutdown:
 *   upgrade.ts    limits (429), authentication (401 / 403 / 404 / 503), handing the socket over
 *   messages.ts   sync, presence, writes, acks, refused writes, bad frames, heartbeat
 *   rooms.ts      the documents in memory: load, idle unload, compaction, relayed updates
 *   rechecks.ts   access re-checks of open sockets (collabAccessChanged, COLLAB_RECHECK_MS)
 *   committer.ts  the group commit of the log
 *   merger.ts     compaction's fold of the log, on a worker thread
 *   relay.ts      the Redis relay between instances
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type * as Y from "yjs";
import type { AccessChange } from "./access-hook";
import { planIdFromPath, type ShareTokenResolver } from "./auth";
import { GroupCommitter } from "./committer";
import type { CollabConfig } from "./config";
import { MessageHandler } from "./messages";
import { OutboundBudget } from "./outbound";
import { CLOSE, encodeStoreStatus } from "./protocol";
import { AccessRechecks } from "./rechecks";
import { RedisRelay } from "./relay";
import { RoomRegistry } from "./rooms";
import { registerServerEditor } from "./server-edit";
import { UpgradeGate } from "./upgrade";

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

export class CollabServer {
  private gate: UpgradeGate;
  private rooms: RoomRegistry;
  private committer: GroupCommitter;
  private relay: RedisRelay | null = null;
  private stopServerEdits: () => void;
  private rechecks: AccessRechecks;
  private messages: MessageHandler;
  /** Set by close(): upgrades get 503, new writes are not taken, rooms stop unloading. */
  private closing = false;

  constructor(opts: CollabServerOptions) {
    const isClosing = () => this.closing;
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
    this.rooms = new RoomRegistry(opts.config, this.relay, () => this.committer.drain(), isClosing);
    this.rechecks = new AccessRechecks(this.rooms, opts.config.recheckMs, opts.resolveShareToken);
    const outbound = new OutboundBudget(opts.config.maxBufferedPerSocket, opts.config.maxBufferedTotal);
    this.messages = new MessageHandler(this.rooms, this.committer, outbound, this.rechecks, isClosing);
    this.gate = new UpgradeGate(opts, this.rooms, (...args) => this.messages.attach(...args), isClosing);
    // Services (approval baselines, duplicates) edit documents through this instance: editPlanDocument.
    this.stopServerEdits = registerServerEditor((planId, makeUpdate) => this.rooms.serverEdit(planId, makeUpdate));
  }

  /** Resolves when the Redis relay (if any) is connected. */
  async ready() {
    await this.relay?.ready();
  }

  /** True when the request is for us (and then we own the socket). */
  handles(req: IncomingMessage): boolean {
    return this.gate.handles(req);
  }

  /** Authorize, check limits, load the document, then upgrade; refusals answer with an HTTP status. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    return this.gate.handleUpgrade(req, socket, head);
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
    this.gate.close();
    await this.relay?.close();
  }
}

export { planIdFromPath };
