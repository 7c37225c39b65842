/**
 * Memory held for peers that do not read fast enough. Every message sent to a socket stays in this
 * process until the kernel takes it; a peer that reads slower than its plan changes makes that
 * queue grow. Two bounds keep the sum finite:
 * - per socket (`perSocket`): a socket whose queue would pass it is closed (1013, "try again later");
 * - in total (`total`): when the queued bytes of all sockets pass it, the sockets holding the most
 *   — the slowest readers — are closed first until the sum is back under three quarters of it.
 * A closed peer reconnects and catches up through the sync exchange, which sends only what it lacks.
 */
import { processMetrics } from "@/lib/metrics";

/** What the budget needs of a connection. */
export interface OutboundHolder {
  /** Bytes handed to the socket and not yet written out. */
  queued: number;
  /** Close at once, for being too slow (releases everything it holds). */
  evict(reason: string): void;
}

export class OutboundBudget {
  private queued = 0;
  private readonly holders = new Set<OutboundHolder>();

  constructor(
    readonly perSocket: number,
    readonly total: number,
  ) {}

  /** Bytes queued across every socket now. */
  get bytes() {
    return this.queued;
  }

  /** May this holder queue `bytes` more? Closes it (and returns false) when past its own bound. */
  admit(holder: OutboundHolder, bytes: number): boolean {
    // One message larger than the bound still goes to a socket that holds nothing else.
    if (holder.queued > 0 && holder.queued + bytes > this.perSocket) {
      processMetrics().evictedSlow.inc({ bound: "socket" });
      holder.evict("Too slow to keep up");
      return false;
    }
    return true;
  }

  add(holder: OutboundHolder, bytes: number) {
    holder.queued += bytes;
    this.queued += bytes;
    this.holders.add(holder);
    if (this.queued > this.total) this.shed();
    processMetrics().outboundBytes.set(this.queued);
  }

  /** Written out (or dropped with its socket): no longer held. */
  release(holder: OutboundHolder, bytes: number) {
    const n = Math.min(bytes, holder.queued);
    if (n <= 0) return;
    holder.queued -= n;
    this.queued -= n;
    if (holder.queued === 0) this.holders.delete(holder);
    processMetrics().outboundBytes.set(this.queued);
  }

  /** Everything a closed holder still had queued is dropped with its socket. */
  forget(holder: OutboundHolder) {
    this.release(holder, holder.queued);
    this.holders.delete(holder);
  }

  private shed() {
    const target = Math.floor(this.total * 0.75);
    const slowest = [...this.holders].sort((a, b) => b.queued - a.queued);
    let closed = 0;
    for (const h of slowest) {
      if (this.queued <= target) break;
      processMetrics().evictedSlow.inc({ bound: "total" });
      h.evict("Server busy: too slow to keep up");
      // evict() forgets the holder; make sure of it even if it was already closing.
      this.forget(h);
      closed++;
    }
    if (closed)
      console.warn(`[collab] outbound memory past ${this.total} bytes: closed the ${closed} slowest socket(s)`);
  }
}
