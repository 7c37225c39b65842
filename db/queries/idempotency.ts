import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idempotencyKeys } from "@/db/schema";

/** How long a key's answer is kept. */
export const IDEMPOTENCY_HOURS = 24;

const expiry = () => new Date(Date.now() - IDEMPOTENCY_HOURS * 3600_000);

/** The stored answer for this user's key, if one younger than a day exists (older ones are dropped). */
export async function findIdempotent(userId: string, key: string) {
  const db = await getDb();
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, expiry()));
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

/** Keep an answer; a concurrent first use of the same key keeps the one stored first. */
export async function storeIdempotent(values: typeof idempotencyKeys.$inferInsert) {
  const db = await getDb();
  await db
    .insert(idempotencyKeys)
    .values({ ...values, createdAt: sql`now()` as unknown as Date })
    .onConflictDoNothing();
}
