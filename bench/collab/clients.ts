/**
 * The stock clients, one per server kind: y-websocket's `WebsocketProvider` (with Planwright's
 * "saved" message registered, as the browser does) and `@hocuspocus/provider`'s `HocuspocusProvider`,
 * both over `ws` in this process.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MSG_SAVED } from "../../lib/collab/protocol";
import { socketWithCookie } from "../../lib/testing/collab-harness";
import type { Target } from "./servers";

export type Client = {
  doc: Y.Doc;
  /** Past the initial sync. */
  synced: () => boolean;
  /** Planwright's "saved" count on this connection (0 elsewhere). */
  saved: () => number;
  /** This client's own key in the benchmark's maps. */
  key: string;
  destroy: () => void;
};

export function connect(t: Target, room: string, onSaved?: (n: number) => void): Client {
  const doc = new Y.Doc();
  const key = randomUUID().slice(0, 8);
  if (t.client === "hocuspocus") {
    const provider = new HocuspocusProvider({
      url: t.url,
      name: room,
      document: doc,
      // Node 20 has no global WebSocket; the provider takes a constructor (its websocket option).
      ...({ WebSocketPolyfill: WebSocket } as object),
    });
    return {
      doc,
      synced: () => provider.synced,
      saved: () => 0,
      key,
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  let saved = 0;
  const provider = new WebsocketProvider(t.url, room, doc, {
    WebSocketPolyfill: socketWithCookie(t.cookie) as never,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  provider.messageHandlers[MSG_SAVED] = (_e, d: decoding.Decoder) => {
    saved = decoding.readVarUint(d);
    onSaved?.(saved);
  };
  return {
    doc,
    synced: () => provider.synced,
    saved: () => saved,
    key,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
