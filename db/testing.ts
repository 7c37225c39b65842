/**
 * Vitest helper: every test file gets a fresh PostgreSQL database of its own, so runs never collide.
 * The server named by DATABASE_URL (default: the local one) is used for real; nothing is mocked.
 */
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "./index";
import { runMigrations } from "./migrate";
import { adminUrl, createTestDatabase } from "./test-database";

export { createTestDatabase };

/**
 * Point the process-wide handle (db/index.ts) at a fresh, migrated database for this test file,
 * and drop it afterwards.
 */
export function useTestDatabase() {
  let drop: (() => Promise<void>) | undefined;
  const original = process.env.DATABASE_URL;
  beforeAll(async () => {
    process.env.TEST_ADMIN_DATABASE_URL ??= adminUrl();
    const created = await createTestDatabase();
    drop = created.drop;
    process.env.DATABASE_URL = created.url;
    await closeDb();
    await runMigrations();
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
    process.env.DATABASE_URL = original;
  });
}
