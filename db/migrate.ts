import path from "node:path";
import { getDb, getDriver, type Db } from "./index";

export const migrationsFolder = () => path.resolve(process.cwd(), "db/migrations");

/** Apply every committed migration to the process-wide database; idempotent. */
export async function runMigrations(db?: Db, driver?: "postgres" | "pglite"): Promise<void> {
  const target = db ?? (await getDb());
  const kind = driver ?? (await getDriver());
  if (kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(target as never, { migrationsFolder: migrationsFolder() });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(target as never, { migrationsFolder: migrationsFolder() });
  }
}
