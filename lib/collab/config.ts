import { z } from "zod";
import { variables } from "@/lib/env";

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
  /** Largest websocket message accepted; a bigger one closes its sender with 1009. */
  COLLAB_MAX_MESSAGE_BYTES: int(10 * 1024 * 1024, 1024, 256 * 1024 * 1024),
  COLLAB_MAX_CONNECTIONS_PER_PLAN: int(200, 1, 100_000),
  COLLAB_MAX_CONNECTIONS_PER_USER: int(20, 1, 100_000),
  /** How long a document with no connections stays in memory. */
  COLLAB_IDLE_UNLOAD_MS: int(30_000, 0, 24 * 3600_000),
  /** Log rows since the last snapshot after which a plan is compacted once writes pause for 1 s (at once past 10×). */
  COLLAB_COMPACT_AFTER: int(500, 1, 10_000_000),
  /** Quiet time before projecting; a busy plan is still projected at least this often × 4. */
  COLLAB_PROJECTION_DEBOUNCE_MS: int(250, 0, 1000),
  /** Periodic re-check of every connection's access (membership changes made elsewhere). */
  COLLAB_RECHECK_MS: int(60_000, 1000, 24 * 3600_000),
  /** Group commits stored at once (delivered in order regardless). */
  COLLAB_COMMITS_IN_FLIGHT: int(1, 1, 16),
  /** How long a group commit is retried while the database is unreachable before its senders get 1011. */
  COLLAB_STORE_RETRY_MS: int(300_000, 0, 24 * 3600_000),
  /** Bytes of updates held in memory waiting for the database; beyond it new writes close their socket (1011). */
  COLLAB_MAX_PENDING_BYTES: int(64 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
  /** Bytes queued for one socket that has not read them; past it the socket is dropped (a slow reader). */
  COLLAB_MAX_BUFFERED_PER_SOCKET: int(16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
  /** Bytes queued for all sockets together; past it the slowest sockets are dropped first. */
  COLLAB_MAX_BUFFERED_TOTAL: int(256 * 1024 * 1024, 1024 * 1024, 16 * 1024 * 1024 * 1024),
  /** Websocket upgrade attempts per client address per minute; more get 429 before the upgrade. */
  COLLAB_UPGRADES_PER_MINUTE: int(600, 1, 1_000_000),
});

export type CollabConfig = {
  maxMessageBytes: number;
  maxConnectionsPerPlan: number;
  maxConnectionsPerUser: number;
  idleUnloadMs: number;
  compactAfter: number;
  projectionDebounceMs: number;
  recheckMs: number;
  commitsInFlight: number;
  storeRetryMs: number;
  maxPendingBytes: number;
  upgradesPerMinute: number;
  maxBufferedPerSocket: number;
  maxBufferedTotal: number;
};

export class CollabConfigError extends Error {}

/** Read and validate the collaboration limits; empty variables mean "use the default". */
export function loadCollabConfig(source?: Record<string, string | undefined>): CollabConfig {
  const parsed = schema.safeParse(variables(Object.keys(schema.shape), source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new CollabConfigError(
      `Planwright cannot start: the collaboration settings are invalid.\n${lines.join("\n")}`,
    );
  }
  const e = parsed.data;
  return {
    maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES,
    maxConnectionsPerPlan: e.COLLAB_MAX_CONNECTIONS_PER_PLAN,
    maxConnectionsPerUser: e.COLLAB_MAX_CONNECTIONS_PER_USER,
    idleUnloadMs: e.COLLAB_IDLE_UNLOAD_MS,
    compactAfter: e.COLLAB_COMPACT_AFTER,
    projectionDebounceMs: e.COLLAB_PROJECTION_DEBOUNCE_MS,
    recheckMs: e.COLLAB_RECHECK_MS,
    commitsInFlight: e.COLLAB_COMMITS_IN_FLIGHT,
    storeRetryMs: e.COLLAB_STORE_RETRY_MS,
    maxPendingBytes: e.COLLAB_MAX_PENDING_BYTES,
    upgradesPerMinute: e.COLLAB_UPGRADES_PER_MINUTE,
    maxBufferedPerSocket: e.COLLAB_MAX_BUFFERED_PER_SOCKET,
    maxBufferedTotal: e.COLLAB_MAX_BUFFERED_TOTAL,
  };
}
