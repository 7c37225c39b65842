import type { WebSocket } from "ws";
import type { CollabIdentity } from "./auth";

/** Buffered bytes beyond which a peer that does not read is disconnected (1013: try again later). */
const MAX_BUFFERED = 64 * 1024 * 1024;

/** One websocket joined to one plan document. */
export class Connection {
  /** Writes (updates and sync-step-2s) accepted from this connection so far. */
  writesReceived = 0;
  /** Awareness client ids this connection controls, removed when it closes. */
  readonly awarenessClients = new Set<number>();
  closed = false;
  /** Answered the last ping (a dead peer never closes its TCP connection by itself). */
  alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly planId: string,
    public identity: CollabIdentity,
    /** The share token it joined with, kept to re-check the link later. */
    readonly shareToken: string | null,
  ) {}

  get readOnly() {
    return this.identity.readOnly;
  }

  send(data: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      this.close(1013, "Too slow to keep up");
      return;
    }
    this.ws.send(data, (err) => {
      if (err) this.close(1011, "Send failed");
    });
  }

  close(code: number, reason: string) {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }
}
