/**
 * Write into a plan's live document from Node, as a signed-in browser would: the stock y-websocket
 * provider on /collab/<planId> with the person's session cookie.
 */
import type { BrowserContext } from "@playwright/test";
import WS from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MSG_SAVED } from "../../lib/collab/protocol";

export async function editLiveDoc(
  context: BrowserContext,
  baseURL: string,
  planId: string,
  edit: (doc: Y.Doc) => void,
) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  class SignedIn extends WS {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: cookie, Origin: baseURL } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, "ws")}/collab`, planId, doc, {
    WebSocketPolyfill: SignedIn as unknown as typeof WebSocket,
    disableBc: true,
  });
  // The server's "saved" acknowledgements are ours, not y-websocket's: take them quietly.
  provider.messageHandlers[MSG_SAVED] = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the live document did not sync")), 15_000);
      provider.once("sync", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    edit(doc);
    // Let the update leave before the socket closes; the server persists it before anyone sees it.
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    provider.destroy();
    doc.destroy();
  }
}
