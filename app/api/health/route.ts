import { sql } from "drizzle-orm";
import { getDb, getDriver } from "@/db";

export const dynamic = "force-dynamic";

/** Liveness and database status, for load balancers and the test harness. */
export async function GET() {
  const started = performance.now();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    return Response.json({ status: "ok", database: { status: "ok", driver: await getDriver(), latencyMs } });
  } catch (err) {
    console.error("[health]", err instanceof Error ? err.message : err);
    return Response.json({ status: "degraded", database: { status: "unreachable" } }, { status: 503 });
  }
}
