import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { setting } from "@/lib/env";
import * as schema from "./schema";

/** The Drizzle handle, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

type Handle = { db: Db; driver: "postgres" | "pglite"; sql: Sql | null; close: () => Promise<void> };

// One handle per process, shared by server.ts and the Next.js bundles (which load
// their own copy of this module) and kept across dev hot reloads.
const KEY = Symbol.for("planwright.db");
type Holder = { [KEY]?: Promise<Handle> };
const holder = globalThis as Holder;

/** Folder of the embedded database when DATABASE_URL is unset. */
export const dataDir = () => path.resolve(/*turbopackIgnore: true*/ setting("PLANWRIGHT_DATA_DIR"));

async function open(): Promise<Handle> {
  // Read at each open: tests point DATABASE_URL at a database of their own, then reopen.
  const url = setting("DATABASE_URL");
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, {
      max: setting("DATABASE_POOL_SIZE"),
      onnotice: () => {},
    });
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      driver: "postgres",
      sql: client,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  // PGlite creates its own folder but not the ones above it (a fresh install in production has none).
  await mkdir(dataDir(), { recursive: true });
  const client = await PGlite.create(path.join(dataDir(), "pglite"));
  return { db: drizzle(client, { schema }) as unknown as Db, driver: "pglite", sql: null, close: () => client.close() };
}

function handle(): Promise<Handle> {
  holder[KEY] ??= open().catch((err) => {
    delete holder[KEY];
    throw err;
  });
  return holder[KEY];
}

/** The process-wide database handle (PostgreSQL when DATABASE_URL is set, else embedded PGlite). */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/**
 * The postgres.js client behind the handle (null on PGlite), for the few hot paths where building
 * the statement through the ORM costs more than the statement itself (the collaboration log's
 * group commit: see docs/benchmarks.md).
 */
export async function getSqlClient(): Promise<Sql | null> {
  return (await handle()).sql;
}

export async function getDriver(): Promise<Handle["driver"]> {
  return (await handle()).driver;
}

/** Close the process-wide handle (tests, graceful shutdown). */
export async function closeDb(): Promise<void> {
  const h = holder[KEY];
  if (!h) return;
  delete holder[KEY];
  await (await h).close();
}

export { schema };
