/**
 * Relays persisted document updates and awareness between instances through Redis pub/sub, one
 * channel per plan. Updates are published only after they are committed to the log, so a peer on
 * another instance never sees an edit the store does not have.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { collabMetrics } from "./metrics";

export type RelayKind = "update" | "awareness";
export type RelayHandler = (planId: string, kind: RelayKind, payload: Uint8Array) => void;

const PREFIX = "planwright:collab:";
// frame: 8-byte instance id · 1-byte kind · 8-byte publish time (ms, float64) · payload
const HEADER = 17;

export class RedisRelay {
  readonly instanceId = randomBytes(8);
  private pub: Redis;
  private sub: Redis;
  private plans = new Set<string>();
  private wasReady = false;

  /** `onResubscribed` runs after a lost Redis connection comes back: messages may have been missed. */
  constructor(
    url: string,
    private onMessage: RelayHandler,
    private onResubscribed: () => void,
  ) {
    const opts = { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false } as const;
    this.pub = new Redis(url, { ...opts, connectionName: "planwright-collab-pub" });
    this.sub = new Redis(url, { ...opts, connectionName: "planwright-collab-sub" });
    for (const c of [this.pub, this.sub]) c.on("error", (err: Error) => console.error("[collab] redis:", err.message));
    this.sub.on("ready", () => {
      if (this.wasReady) this.onResubscribed();
      this.wasReady = true;
    });
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  /** Resolves once both connections are ready (tests and start-up). */
  async ready(): Promise<void> {
    await Promise.all([this.pub.ping(), this.sub.ping()]);
  }

  async subscribe(planId: string) {
    this.plans.add(planId);
    await this.sub.subscribe(PREFIX + planId);
  }

  async unsubscribe(planId: string) {
    this.plans.delete(planId);
    await this.sub.unsubscribe(PREFIX + planId).catch(() => {});
  }

  publish(planId: string, kind: RelayKind, payload: Uint8Array) {
    const frame = Buffer.allocUnsafe(HEADER + payload.length);
    this.instanceId.copy(frame, 0);
    frame[8] = kind === "update" ? 0 : 1;
    frame.writeDoubleLE(Date.now(), 9);
    frame.set(payload, HEADER);
    this.pub.publish(PREFIX + planId, frame).catch((err: Error) => console.error("[collab] redis publish:", err.message));
  }

  private receive(channel: string, message: Buffer) {
    if (!channel.startsWith(PREFIX) || message.length < HEADER) return;
    if (message.subarray(0, 8).equals(this.instanceId)) return;
    const planId = channel.slice(PREFIX.length);
    if (!this.plans.has(planId)) return;
    const kind: RelayKind = message[8] === 0 ? "update" : "awareness";
    collabMetrics().relayLag.observe(Math.max(0, Date.now() - message.readDoubleLE(9)) / 1000);
    this.onMessage(planId, kind, new Uint8Array(message.subarray(HEADER)));
  }

  async close() {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
