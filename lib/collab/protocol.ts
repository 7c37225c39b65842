/**
 * The y-websocket wire protocol (sync = 0, awareness = 1, query-awareness = 3) plus Planwright's
 * "saved" acknowledgement, which the browser registers on the stock WebsocketProvider.
 * Shared by the server and the browser.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
/** [100, n]: the first n writes (updates and sync-step-2s) this connection sent are durably stored. */
export const MSG_SAVED = 100;
/** [101, 1 | 0]: whether the server can store writes right now (0 while its database is unreachable;
 *  writes are held and retried, so nothing is lost, but nothing is "saved" either). */
export const MSG_STORE = 101;
/** [102, 1 | 0]: this connection may write (1) or only read (0) from now on — its role on the plan
 *  changed while it was connected. */
export const MSG_ACCESS = 102;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Close codes the server sends. 4400–4499 tell the stock provider not to reconnect. */
export const CLOSE = {
  tooBig: 1009,
  serverError: 1011,
  goingAway: 1001,
  /** A message that does not parse or that Yjs cannot decode. */
  badData: 4400,
  /** A re-check found the connection's access removed. */
  forbidden: 4403,
} as const;

/** A control message: its type and one unsigned number. */
function encodeControl(type: number, value: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint(e, value);
  return encoding.toUint8Array(e);
}

export const encodeSaved = (count: number) => encodeControl(MSG_SAVED, count);
export const encodeStoreStatus = (up: boolean) => encodeControl(MSG_STORE, up ? 1 : 0);
export const encodeAccess = (canWrite: boolean) => encodeControl(MSG_ACCESS, canWrite ? 1 : 0);

export function decodeSaved(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

export function encodeSyncMessage(kind: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_SYNC);
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A parsed client message; anything that does not parse is `bad`. */
export type ClientMessage =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "write"; kind: "step2" | "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" }
  | { type: "bad"; reason: string };

/** Read a length-prefixed array, refusing lengths past the end of the frame, and copy it so it
 *  never shares (or reads beyond into) the socket's receive buffer. */
function readBytes(d: decoding.Decoder, end: number): Uint8Array {
  const len = decoding.readVarUint(d);
  if (d.pos + len > end) throw new Error("truncated message");
  return decoding.readUint8Array(d, len).slice();
}

export function parseClientMessage(data: Uint8Array): ClientMessage {
  const end = data.length;
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MSG_SYNC: {
        const kind = decoding.readVarUint(d);
        const payload = readBytes(d, end);
        if (decoding.hasContent(d)) return { type: "bad", reason: "trailing bytes after a sync message" };
        if (kind === SYNC_STEP1) return { type: "sync-step1", stateVector: payload };
        if (kind === SYNC_STEP2) return { type: "write", kind: "step2", update: payload };
        if (kind === SYNC_UPDATE) return { type: "write", kind: "update", update: payload };
        return { type: "bad", reason: `unknown sync message ${kind}` };
      }
      case MSG_AWARENESS: {
        const update = readBytes(d, end);
        return { type: "awareness", update };
      }
      case MSG_QUERY_AWARENESS:
        return { type: "query-awareness" };
      default:
        return { type: "bad", reason: `unknown message type ${type}` };
    }
  } catch (err) {
    return { type: "bad", reason: err instanceof Error ? err.message : "undecodable message" };
  }
}

/** The client ids an awareness update speaks for (throws when it does not decode). */
export function awarenessClientIds(update: Uint8Array): number[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(d));
    decoding.readVarUint(d); // clock
    decoding.readVarString(d); // state (JSON)
  }
  return ids;
}
