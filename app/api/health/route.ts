import { databaseHealth } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** Liveness and database status, for load balancers and the test harness. */
export async function GET() {
  try {
    return Response.json({ status: "ok", database: { status: "ok", ...(await databaseHealth()) } });
  } catch (err) {
    console.error("[health]", err instanceof Error ? err.message : err);
    return Response.json({ status: "degraded", database: { status: "unreachable" } }, { status: 503 });
  }
}
