/**
 * The websocket upgrade of `/collab/<planId>`: everything decided before a socket exists. Upgrade
 * attempts per address and connections per plan and per person are limited (429), the request is
 * authenticated (401 / 403 / 404, 503 when access cannot be checked or the plan cannot be loaded),
 * the plan's room is loaded, and only then is the socket upgraded and handed over. A refusal is a
 * plain HTTP response, counted in `planwright_collab_refused_upgrades_total`.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { processMetrics } from "@/lib/metrics";
import { authorizeUpgrade, type CollabIdentity } from "./auth";
import type { Room } from "./room";
import type { RoomRegistry } from "./rooms";
import type { CollabServerOptions } from "./server";
import { UpgradeLimiter } from "./upgrade-limit";

/** Takes an upgraded socket; `release` must run once it closes (it frees the socket's place in the limits). */
export type HandOver = (
  ws: WebSocket,
  room: Room,
  identity: CollabIdentity,
  token: string | null,
  release: () => void,
) => void;

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

function refuse(socket: Duplex, status: number) {
  processMetrics().refusedUpgrades.inc({ status: String(status) });
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export class UpgradeGate {
  private wss: WebSocketServer;
  private limiter: UpgradeLimiter;
  /** Open (or upgrading) connections per plan and per identity key. */
  private perPlan = new Map<string, number>();
  private perUser = new Map<string, number>();

  constructor(
    private opts: Pick<CollabServerOptions, "config" | "secret" | "resolveShareToken" | "trustProxy">,
    private rooms: RoomRegistry,
    private handOver: HandOver,
    private isClosing: () => boolean,
  ) {
    this.limiter = new UpgradeLimiter(opts.config.upgradesPerMinute, opts.trustProxy);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: opts.config.maxMessageBytes,
      perMessageDeflate: false,
    });
  }

  /** True when the request is for us (and then we own the socket). */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? "/").split("?")[0]!.startsWith("/collab/");
  }

  /** Authorize, check limits, load the document, then upgrade; refusals answer with an HTTP status. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => {});
    if (this.isClosing()) return refuse(socket, 503);
    if (!(await this.limiter.allow(req))) return refuse(socket, 429);
    const decision = await authorizeUpgrade(req, {
      secret: this.opts.secret,
      resolveShareToken: this.opts.resolveShareToken,
    });
    if (!decision.ok) return refuse(socket, decision.status);
    const { planId, identity } = decision;
    const { maxConnectionsPerPlan, maxConnectionsPerUser } = this.opts.config;
    if (
      (this.perPlan.get(planId) ?? 0) >= maxConnectionsPerPlan ||
      (this.perUser.get(identity.key) ?? 0) >= maxConnectionsPerUser
    ) {
      return refuse(socket, 429);
    }
    this.count(planId, identity.key, +1);
    let room: Room;
    try {
      room = await this.rooms.acquire(planId);
    } catch (err) {
      this.count(planId, identity.key, -1);
      console.error(`[collab] could not load plan ${planId}:`, err instanceof Error ? err.message : err);
      return refuse(socket, 503);
    }
    room.joining++;
    if (socket.destroyed || this.isClosing()) {
      room.joining--;
      this.count(planId, identity.key, -1);
      this.rooms.maybeIdle(room);
      return;
    }
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token");
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      room.joining--;
      this.handOver(ws, room, identity, token, () => this.count(planId, identity.key, -1));
    });
  }

  private count(planId: string, key: string, delta: number) {
    for (const [map, k] of [
      [this.perPlan, planId],
      [this.perUser, key],
    ] as const) {
      const n = (map.get(k) ?? 0) + delta;
      if (n > 0) map.set(k, n);
      else map.delete(k);
    }
  }

  close() {
    this.wss.close();
  }
}
