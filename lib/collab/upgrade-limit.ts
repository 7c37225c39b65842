/**
 * Websocket upgrade attempts per client address, counted before the session cookie is decoded or
 * the database is asked anything: a client (or a script) reconnecting in a loop gets 429 instead of
 * costing an auth check each time. Per instance, in memory: a flood is local to the instance it hits.
 */
import type { IncomingMessage } from "node:http";
import { RateLimiterMemory } from "rate-limiter-flexible";

export class UpgradeLimiter {
  private limiter: RateLimiterMemory;

  constructor(
    perMinute: number,
    private trustProxy = false,
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix: "collab-upgrade", points: perMinute, duration: 60 });
  }

  /** The client's address: the first X-Forwarded-For entry behind a trusted proxy, else the peer's. */
  address(req: IncomingMessage): string {
    if (this.trustProxy) {
      const forwarded = req.headers["x-forwarded-for"];
      const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
      if (first) return first;
    }
    return req.socket.remoteAddress ?? "unknown";
  }

  /** Counts one attempt; false once the address has used up its minute. */
  async allow(req: IncomingMessage): Promise<boolean> {
    try {
      await this.limiter.consume(this.address(req));
      return true;
    } catch {
      return false;
    }
  }
}
