/**
 * Test helper: every test file gets a fresh PostgreSQL database of its own, so runs never collide.
 * The server named by DATABASE_URL (default: the local one) is used for real; nothing is mocked.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "./index";
import { runMigrations } from "./migrate";

export const adminUrl = () => process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Create an empty database on the admin server; returns its URL and a function that drops it. */
export async function createTestDatabase(prefix = "pw_test") {
  const admin = adminUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database "${name}"`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const s = postgres(admin, { max: 1, onnotice: () => {} });
      await s.unsafe(`drop database if exists "${name}" with (force)`);
      await s.end();
    },
  };
}

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
