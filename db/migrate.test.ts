import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import type { Db } from "./index";
import { runMigrations } from "./migrate";
import * as schema from "./schema";
import { DEMO_EMAIL, seedDemo } from "@/lib/demo/seed";

describe("migrations on the embedded database (PGlite)", () => {
  it("apply cleanly, twice, and the demo seed runs once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pw-pglite-"));
    const client = await PGlite.create(dir);
    const db = drizzle(client, { schema }) as unknown as Db;
    try {
      await runMigrations(db, "pglite");
      await runMigrations(db, "pglite");
      const tables = await client.query<{ tablename: string }>(
        "select tablename from pg_tables where schemaname = 'public'",
      );
      expect(tables.rows.map((r) => r.tablename)).toEqual(
        expect.arrayContaining(["users", "workspaces", "memberships", "invitations", "plans", "api_tokens"]),
      );
      expect(await seedDemo(db)).toBe(true);
      expect(await seedDemo(db)).toBe(false);
      const rows = await db.execute(sql`select count(*)::int as n from plans`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
      const demo = await db.select().from(schema.users);
      expect(demo.map((u) => u.email)).toContain(DEMO_EMAIL);
      // the demo plan's content is in its document log and already projected
      expect((await db.select().from(schema.collabUpdates)).length).toBe(1);
      expect((await db.select().from(schema.planTasks)).length).toBeGreaterThan(10);
      expect((await db.select().from(schema.planRisks)).length).toBeGreaterThan(3);
    } finally {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
