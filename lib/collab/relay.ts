/**
 * Relays persisted document updates and awareness between instances through Redis pub/sub, one
 * channel per plan. Updates are published only after they are committed to the log, so a peer on
 * another instance never sees an edit the store does not have.
 *
 * While Redis is down each instance keeps serving its own clients: subscriptions and publishes wait in
 * ioredis's offline queue (bounded here; past the bound a plan is marked and a "resync" frame tells
 * the others to reload it from the store), `planwright_collab_relay_up` drops to 0, and when the
 * subscriber is back every open document is topped up from the store (which holds everything relayed).
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { processMetrics } from "@/lib/metrics";

export type RelayKind = "update" | "awareness";
export type RelayHandler = (planId: string, kind: RelayKind, payload: Uint8Array) => void;

const PREFIX = "planwright:collab:";
// frame: 8-byte instance id · 1-byte kind · 8-byte publish time (ms, float64) · payload
const HEADER = 17;
const KIND = { update: 0, awareness: 1, resync: 2 } as const;
/** Messages held for a Redis that is down before the rest are dropped (and the plan resynced). */
const MAX_QUEUED = 10_000;

export class RedisRelay {
  readonly instanceId = randomBytes(8);
  private pub: Redis;
  private sub: Redis;
  private plans = new Set<string>();
  private wasReady = false;
  private up = false;
  private downSince = 0;
  private lastError = "";
  /** Publishes queued while the publisher is not connected, and plans whose messages were dropped. */
  private queued = 0;
  private dropped = new Set<string>();
  private closing = false;

  /**
   * `onResubscribed` runs after a lost Redis connection comes back: messages may have been missed.
   * `onResync` runs when another instance could not relay a plan's updates: reload it from the store.
   */
  constructor(
    url: string,
    private onMessage: RelayHandler,
    private onResubscribed: () => void,
    private onResync: (planId: string) => void = () => {},
  ) {
    const opts = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false } as const;
    this.pub = new Redis(url, { ...opts, connectionName: "planwright-collab-pub" });
    this.sub = new Redis(url, { ...opts, connectionName: "planwright-collab-sub" });
    for (const c of [this.pub, this.sub]) {
      // Logged once per outage (ioredis reports every failed reconnect attempt).
      c.on("error", (err: Error) => {
        if (err.message !== this.lastError) console.error("[collab] redis:", err.message);
        this.lastError = err.message;
      });
      c.on("ready", () => this.updateState());
      c.on("close", () => this.updateState());
    }
    this.sub.on("ready", () => {
      if (this.wasReady) this.onResubscribed();
      this.wasReady = true;
    });
    this.pub.on("ready", () => {
      this.queued = 0;
      for (const planId of this.dropped) this.send(planId, KIND.resync, new Uint8Array());
      this.dropped.clear();
    });
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  private updateState() {
    if (this.closing) return;
    const up = this.pub.status === "ready" && this.sub.status === "ready";
    if (up === this.up) return;
    this.up = up;
    const m = processMetrics();
    m.relayUp.set(up ? 1 : 0);
    if (up) {
      if (this.downSince)
        console.warn(`[collab] redis relay back after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s`);
      this.lastError = "";
    } else {
      this.downSince = Date.now();
      m.relayOutages.inc();
      console.error("[collab] redis relay down: serving this instance's clients only until it returns");
    }
  }

  /** True while both Redis connections are ready. */
  get connected() {
    return this.up;
  }

  /** Resolves once both connections are ready (tests and start-up). */
  async ready(): Promise<void> {
    await Promise.all([this.pub.ping(), this.sub.ping()]);
  }

  /** Waits for Redis only while it is up: a plan opened during an outage is subscribed on reconnect. */
  async subscribe(planId: string) {
    this.plans.add(planId);
    const done = this.sub
      .subscribe(PREFIX + planId)
      .catch((err: Error) => console.error("[collab] redis subscribe:", err.message));
    if (this.sub.status === "ready") await done;
  }

  async unsubscribe(planId: string) {
    this.plans.delete(planId);
    const done = this.sub.unsubscribe(PREFIX + planId).catch(() => {});
    if (this.sub.status === "ready") await done;
  }

  publish(planId: string, kind: RelayKind, payload: Uint8Array) {
    if (this.pub.status !== "ready" && ++this.queued > MAX_QUEUED) {
      // Memory stays bounded during a long outage; the others reload this plan when we are back.
      this.dropped.add(planId);
      return;
    }
    this.send(planId, KIND[kind], payload);
  }

  private send(planId: string, kind: number, payload: Uint8Array) {
    const frame = Buffer.allocUnsafe(HEADER + payload.length);
    this.instanceId.copy(frame, 0);
    frame[8] = kind;
    frame.writeDoubleLE(Date.now(), 9);
    frame.set(payload, HEADER);
    this.pub
      .publish(PREFIX + planId, frame)
      .catch((err: Error) => console.error("[collab] redis publish:", err.message));
  }

  private receive(channel: string, message: Buffer) {
    if (!channel.startsWith(PREFIX) || message.length < HEADER) return;
    if (message.subarray(0, 8).equals(this.instanceId)) return;
    const planId = channel.slice(PREFIX.length);
    if (!this.plans.has(planId)) return;
    if (message[8] === KIND.resync) return this.onResync(planId);
    const kind: RelayKind = message[8] === KIND.update ? "update" : "awareness";
    processMetrics().relayLag.observe(Math.max(0, Date.now() - message.readDoubleLE(9)) / 1000);
    this.onMessage(planId, kind, new Uint8Array(message.subarray(HEADER)));
  }

  async close() {
    this.closing = true;
    // quit() would wait in the offline queue for a Redis that is down.
    for (const c of [this.pub, this.sub]) {
      if (c.status === "ready") await c.quit().catch(() => c.disconnect());
      else c.disconnect();
    }
  }
}
