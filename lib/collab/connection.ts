import type { WebSocket } from "ws";
import type { CollabIdentity } from "./auth";
import type { OutboundBudget, OutboundHolder } from "./outbound";

/** One websocket joined to one plan document. */
export class Connection implements OutboundHolder {
  /** Writes (updates and sync-step-2s) accepted from this connection so far. */
  writesReceived = 0;
  /** Awareness client ids this connection controls, removed when it closes. */
  readonly awarenessClients = new Set<number>();
  closed = false;
  /** Answered the last ping (a dead peer never closes its TCP connection by itself). */
  alive = true;
  /** Bytes sent to this socket that it has not taken yet (see OutboundBudget). */
  queued = 0;

  constructor(
    readonly ws: WebSocket,
    readonly planId: string,
    public identity: CollabIdentity,
    /** The share token it joined with, kept to re-check the link later. */
    readonly shareToken: string | null,
    private readonly outbound: OutboundBudget,
  ) {}

  get readOnly() {
    return this.identity.readOnly;
  }

  send(data: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    const bytes = data.length;
    if (!this.outbound.admit(this, bytes)) return;
    this.outbound.add(this, bytes);
    this.ws.send(data, (err) => {
      if (this.closed) return;
      this.outbound.release(this, bytes);
      if (err) this.close(1011, "Send failed");
    });
  }

  close(code: number, reason: string) {
    if (this.closed) return;
    this.closed = true;
    // What it still had queued leaves with the socket; the budget counts it free from now.
    this.outbound.forget(this);
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }

  /**
   * Too slow to keep up: dropped at once. A close frame would wait behind everything the peer has
   * not read, holding that memory; the client sees the connection end and reconnects.
   */
  evict(reason: string) {
    if (this.closed) return;
    console.warn(
      `[collab] dropped ${this.identity.key} on plan ${this.planId}: ${reason} (${this.queued} bytes unsent)`,
    );
    this.closed = true;
    this.outbound.forget(this);
    this.ws.terminate();
  }
}
