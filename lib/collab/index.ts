/**
 * Entry points of the collaboration engine. The server side lives in server.ts's module graph;
 * the app talks to it only through `collabAccessChanged` (access-hook.ts) and the metrics registry
 * (lib/metrics.ts).
 */
import type { Server } from "node:http";
import type { CollabConfig } from "./config";
import { CollabServer, type CollabServerOptions } from "./server";

export { CollabServer, type CollabServerOptions } from "./server";
export { loadCollabConfig, CollabConfigError, type CollabConfig } from "./config";
export { collabAccessChanged, type AccessChange } from "./access-hook";

/**
 * Route `/collab/…` upgrades of an HTTP server to a new collaboration server; other upgrades go
 * to `fallback` (Next's dev HMR) or are refused.
 */
export function attachCollab(
  server: Server,
  opts: { config: CollabConfig; secret: string; redisUrl?: string } & Pick<
    CollabServerOptions,
    "resolveShareToken" | "trustProxy"
  >,
  fallback?: CollabUpgradeFallback,
): CollabServer {
  const collab = new CollabServer(opts);
  server.on("upgrade", (req, socket, head) => {
    if (collab.handles(req)) {
      collab.handleUpgrade(req, socket, head).catch((err) => {
        console.error("[collab] upgrade failed:", err instanceof Error ? err.message : err);
        socket.destroy();
      });
    } else if (fallback) {
      fallback(req, socket, head);
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
  });
  return collab;
}

export type CollabUpgradeFallback = (
  req: import("node:http").IncomingMessage,
  socket: import("node:stream").Duplex,
  head: Buffer,
) => void;
