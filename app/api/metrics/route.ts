import { createHash, timingSafeEqual } from "node:crypto";
import { setting } from "@/lib/env";
import { processMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Prometheus metrics of this process (lib/metrics.ts: collaboration, access layer, Node). Open by
 * default, as scrapers expect on a private network; set METRICS_TOKEN to require
 * `Authorization: Bearer <token>`.
 */
export async function GET(req: Request) {
  const token = setting("METRICS_TOKEN");
  if (token) {
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
    if (!timingSafeEqual(digest(given), digest(token))) return new Response("Unauthorized\n", { status: 401 });
  }
  const { registry } = processMetrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
