/**
 * The process's Prometheus metrics: the collaboration server's (`planwright_collab_*`), the access
 * layer's (`planwright_access_*`) and Node's defaults, served by /api/metrics. The registry lives on
 * globalThis: the collaboration server (server.ts's module graph) and the /api/metrics route (Next's
 * bundle) load separate copies of this module but must report the same numbers.
 */
import client from "prom-client";

type Metrics = ReturnType<typeof create>;
const KEY = Symbol.for("planwright.metrics");
const holder = globalThis as { [KEY]?: Metrics };

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "planwright_" });
  const m = {
    registry,
    openDocuments: new client.Gauge({
      name: "planwright_collab_open_documents",
      help: "Plan documents held in memory",
      registers: [registry],
    }),
    connections: new client.Gauge({
      name: "planwright_collab_connections",
      help: "Open collaboration connections by role",
      labelNames: ["role"] as const,
      registers: [registry],
    }),
    persistedUpdates: new client.Counter({
      name: "planwright_collab_persisted_updates_total",
      help: "Updates committed to the log",
      registers: [registry],
    }),
    persistBatches: new client.Counter({
      name: "planwright_collab_persist_batches_total",
      help: "Group commits to the log",
      registers: [registry],
    }),
    persistSeconds: new client.Histogram({
      name: "planwright_collab_persist_seconds",
      help: "Time to commit one group of updates",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    persistFailures: new client.Counter({
      name: "planwright_collab_persist_failures_total",
      help: "Group commits that failed",
      registers: [registry],
    }),
    storeUp: new client.Gauge({
      name: "planwright_collab_store_up",
      help: "1 while the log's database takes writes, 0 while commits are being retried",
      registers: [registry],
    }),
    pendingWrites: new client.Gauge({
      name: "planwright_collab_pending_writes",
      help: "Writes received but not yet stored (waiting for a commit or a retry)",
      registers: [registry],
    }),
    pendingBytes: new client.Gauge({
      name: "planwright_collab_pending_bytes",
      help: "Bytes of updates held in memory waiting to be stored",
      registers: [registry],
    }),
    storeRetries: new client.Counter({
      name: "planwright_collab_store_retries_total",
      help: "Group commits retried after the database was unreachable",
      registers: [registry],
    }),
    relayUp: new client.Gauge({
      name: "planwright_collab_relay_up",
      help: "1 while the Redis relay is connected (or not configured), 0 while it is down",
      registers: [registry],
    }),
    relayOutages: new client.Counter({
      name: "planwright_collab_relay_outages_total",
      help: "Times the Redis relay lost its connection",
      registers: [registry],
    }),
    refusedWrites: new client.Counter({
      name: "planwright_collab_refused_writes_total",
      help: "Writes refused from read-only connections",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    refusedUpgrades: new client.Counter({
      name: "planwright_collab_refused_upgrades_total",
      help: "Upgrades refused",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    closedBadFrames: new client.Counter({
      name: "planwright_collab_bad_frames_total",
      help: "Connections closed for a malformed or oversized message",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    relayLag: new client.Histogram({
      name: "planwright_collab_relay_lag_seconds",
      help: "Publish-to-receipt time of messages relayed between instances",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    outboundBytes: new client.Gauge({
      name: "planwright_collab_outbound_bytes",
      help: "Bytes queued for sockets that have not taken them yet",
      registers: [registry],
    }),
    evictedSlow: new client.Counter({
      name: "planwright_collab_slow_sockets_dropped_total",
      help: "Sockets dropped for reading too slowly (past their own bound or, slowest first, past the total)",
      labelNames: ["bound"] as const,
      registers: [registry],
    }),
    compactions: new client.Counter({
      name: "planwright_collab_compactions_total",
      help: "Snapshots written by compaction",
      registers: [registry],
    }),
    projections: new client.Counter({
      name: "planwright_collab_projections_total",
      help: "Projections written",
      registers: [registry],
    }),
    invalidRows: new client.Counter({
      name: "planwright_collab_invalid_rows_total",
      help: "Malformed document rows skipped by the projection",
      registers: [registry],
    }),
    accessLookups: new client.Counter({
      name: "planwright_access_plan_lookups_total",
      help: "Plans read by the access layer to authorize a principal (a page render reads each plan once, however many of its reads it authorizes)",
      labelNames: ["principal"] as const,
      registers: [registry],
    }),
    accessDenied: new client.Counter({
      name: "planwright_access_denied_total",
      help: "Plan reads and writes refused by the access layer (not_found: no such plan for this principal; forbidden: the role does not allow the action)",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
  };
  m.storeUp.set(1);
  m.relayUp.set(1);
  return m;
}

/** The metrics registry of this process, created on first use. */
export function processMetrics(): Metrics {
  holder[KEY] ??= create();
  return holder[KEY];
}
