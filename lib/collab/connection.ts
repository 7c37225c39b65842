import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { CollabIdentity } from "./auth";
import type { OutboundBudget, OutboundHolder } from "./outbound";

/**
 * A message as one binary websocket frame (server to client: unmasked), encoded once for every
 * socket it goes to. Each `ws.send` would frame it again and write header and payload as two
 * buffers (a corked `writev`); one prepared buffer is one plain write per socket.
 */
export function binaryFrame(message: Uint8Array): Buffer {
  const n = message.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN, binary
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(message, head);
  return frame;
}

/** ws's internals that `sendFrame` relies on (ws 8): its socket, and a sender with nothing queued. */
type WsInternals = { _socket?: Duplex | null; _sender?: { _state?: number; _queue?: unknown[] } | null };

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

  /**
   * Send one message; `frame` is the same message already framed (`binaryFrame`), for a fan-out that
   * frames it once. It is written straight to the socket when ws has nothing of its own waiting
   * (no compression here, so its sender only queues while a Blob is read, which we never send);
   * otherwise the message goes through `ws.send`, in order behind what waits.
   */
  send(data: Uint8Array, frame?: Buffer) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    const bytes = data.length;
    if (!this.outbound.admit(this, bytes)) return;
    this.outbound.add(this, bytes);
    const done = (err?: Error | null) => {
      if (this.closed) return;
      this.outbound.release(this, bytes);
      if (err) this.close(1011, "Send failed");
    };
    const { _socket: socket, _sender: sender } = this.ws as unknown as WsInternals;
    if (frame && socket && sender?._state === 0 && sender._queue?.length === 0) socket.write(frame, done);
    else this.ws.send(data, done);
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
