/**
 * Throwaway PostgreSQL databases for tests and the e2e server: each run gets its own,
 * so runs never collide. Databases left behind by killed runs are dropped by the next run.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export const adminUrl = () =>
  process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A test database this old and with nobody connected was left behind by a killed run. */
const STALE_MS = 10 * 60 * 1000;

/** Create an empty database on the admin server; returns its URL and a function that drops it. */
export async function createTestDatabase(prefix = "pw_test") {
  const admin = adminUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    const stale = await sql<
      { datname: string }[]
    >`select datname from pg_database where datname ~ '^pw_(test|e2e|bench)_'`;
    for (const { datname } of stale) {
      const born = parseInt(datname.split("_")[2] ?? "", 36);
      if (Number.isFinite(born) && Date.now() - born > STALE_MS) {
        // Without FORCE: a database still in use by a concurrent run is left alone.
        await sql.unsafe(`drop database if exists "${datname}"`).catch(() => {});
      }
    }
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
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
