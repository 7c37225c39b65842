/**
 * Access is checked before the upgrade and again while a socket is open: when the app says it
 * changed (`collabAccessChanged`: a member removed, a role changed, a plan deleted, a share link
 * revoked), when a share link expires, and every `COLLAB_RECHECK_MS` for everyone. A socket that lost
 * access is closed with 4403; one whose role changed stays open and is told (message 102).
 */
import { processMetrics } from "@/lib/metrics";
import { onCollabAccessChanged, type AccessChange } from "./access-hook";
import { recheckIdentity, type ShareTokenResolver } from "./auth";
import type { Connection } from "./connection";
import { CLOSE, encodeAccess } from "./protocol";
import type { RoomRegistry } from "./rooms";

/** Identities checked at once: a sweep of many sockets never takes the pool's connections from the log's commits. */
const CONCURRENT_CHECKS = 4;

export class AccessRechecks {
  private timer: NodeJS.Timeout;
  private stopListening: () => void;

  constructor(
    private rooms: RoomRegistry,
    recheckMs: number,
    private resolveShareToken: ShareTokenResolver | undefined,
  ) {
    this.stopListening = onCollabAccessChanged((change) => this.recheck(change));
    this.timer = setInterval(() => void this.recheck({}).catch(() => {}), recheckMs).unref();
  }

  /** Re-check the access of matching connections; close those that lost it, adjust roles that changed. */
  async recheck(change: AccessChange): Promise<void> {
    // One check per (plan, identity), however many tabs it has open.
    const groups = new Map<string, { planId: string; conns: Connection[] }>();
    for (const room of this.rooms.values()) {
      if (change.planId && room.planId !== change.planId) continue;
      for (const conn of room.conns) {
        const id = conn.identity;
        if (change.userId && id.userId !== change.userId) continue;
        if (change.shareTokenId && id.shareTokenId !== change.shareTokenId) continue;
        const key = `${room.planId}|${id.key}|${conn.shareToken ?? ""}`;
        const group = groups.get(key) ?? { planId: room.planId, conns: [] };
        group.conns.push(conn);
        groups.set(key, group);
      }
    }
    const queue = [...groups.values()];
    const worker = async () => {
      for (let g = queue.shift(); g; g = queue.shift()) {
        const first = g.conns[0]!;
        const now = await recheckIdentity(first.identity, g.planId, this.resolveShareToken, first.shareToken);
        for (const conn of g.conns) {
          if (conn.closed) continue;
          if (!now) {
            conn.close(CLOSE.forbidden, "Access to this plan was removed");
            continue;
          }
          if (now.role !== conn.identity.role) {
            processMetrics().connections.dec({ role: conn.identity.role });
            processMetrics().connections.inc({ role: now.role });
          }
          const flipped = now.readOnly !== conn.identity.readOnly;
          conn.identity = now;
          if (flipped) {
            // The browser switches its editing controls off (or on) without a reload.
            conn.send(encodeAccess(!now.readOnly));
            // A new editor is asked for what it has, like any editor that joins.
            const room = this.rooms.get(g.planId);
            if (!now.readOnly && room) conn.send(room.syncStep1());
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_CHECKS, queue.length) }, worker));
  }

  /**
   * A share link with an expiry is re-checked the moment it expires, so its sockets close at once
   * rather than at the next periodic sweep. (Timers longer than ~24 days are capped and re-armed.)
   */
  closeAtExpiry(conn: Connection): NodeJS.Timeout | null {
    const at = conn.identity.expiresAt;
    if (!at || !conn.identity.shareTokenId) return null;
    const delay = Math.min(Math.max(0, at - Date.now()) + 50, 2 ** 31 - 1);
    return setTimeout(() => {
      void this.recheck({ planId: conn.planId, shareTokenId: conn.identity.shareTokenId! })
        .then(() => {
          if (!conn.closed && at > Date.now()) this.closeAtExpiry(conn);
        })
        .catch(() => {});
    }, delay).unref();
  }

  close() {
    clearInterval(this.timer);
    this.stopListening();
  }
}
