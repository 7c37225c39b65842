import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getDriver } from "@/db";

/** One round trip to the database: which driver answered and how long it took (throws when unreachable). */
export async function databaseHealth() {
  const started = performance.now();
  const db = await getDb();
  await db.execute(sql`select 1`);
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  return { driver: await getDriver(), latencyMs };
}
