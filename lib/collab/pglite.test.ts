import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closeDb, getDb, getDriver } from "@/db";
import { recordActivity } from "@/db/queries/activity";
import { runMigrations } from "@/db/migrate";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { rowsOf } from "@/lib/doc";
import { addTask } from "@/lib/testing/collab-harness";
import { appendUpdates, compact, loadDoc, rowsOf as resultRows } from "./persistence";
import { projectPlan } from "./projection";

// The embedded default (no DATABASE_URL): same migrations, same store code.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pw-collab-pglite-"));
const saved = { url: process.env.DATABASE_URL, dir: process.env.PLANWRIGHT_DATA_DIR };
beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.PLANWRIGHT_DATA_DIR = dir;
  await closeDb();
  await runMigrations();
});
afterAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = saved.url;
  process.env.PLANWRIGHT_DATA_DIR = saved.dir;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("collaboration store on embedded PGlite", () => {
  it("appends, loads, compacts under an advisory lock and projects", { timeout: 60_000 }, async () => {
    expect(await getDriver()).toBe("pglite");
    const u = await signUp({
      name: "Lee",
      email: `lee-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const ws = await createWorkspace({ kind: "user", userId: u.id }, { name: "Local" });
    const planId = (await createPlan({ kind: "user", userId: u.id }, ws.id, { title: "Local plan" })).id;

    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (x: Uint8Array) => updates.push(x));
    for (let i = 0; i < 8; i++) addTask(doc, randomUUID(), { name: `t${i}`, start: "2026-04-01", end: "2026-04-02" });
    await appendUpdates(updates.map((data) => ({ planId, data })));
    expect(rowsOf((await loadDoc(planId)).doc, "tasks").size).toBe(8);

    const [lock] = resultRows<{ ok: boolean }>(
      await (await getDb()).execute(sql`select pg_try_advisory_xact_lock(42) as ok`),
    );
    expect(lock!.ok).toBe(true);
    expect(await compact(planId)).toBe(updates.length);
    const loaded = await loadDoc(planId);
    expect(loaded.logRows).toBe(0);
    expect(rowsOf(loaded.doc, "tasks").size).toBe(8);
    expect(await projectPlan(planId, loaded.doc)).toBe(true);
    const [count] = resultRows<{ n: number }>(
      await (await getDb()).execute(sql`select count(*)::int as n from plan_tasks where plan_id = ${planId}`),
    );
    expect(count!.n).toBe(8);

    // Activity counts merge into their minute's row in one statement (jsonb_to_recordset) here too.
    const at = new Date("2026-04-01T09:15:00Z");
    await recordActivity([{ planId, userId: u.id, at, sections: ["schedule"], edits: 2 }]);
    await recordActivity([{ planId, userId: u.id, at, sections: ["risks"], edits: 3 }]);
    const activity = resultRows<{ sections: string[]; edits: number }>(
      await (await getDb()).execute(sql`select sections, edits from plan_activity where plan_id = ${planId}`),
    );
    expect(activity).toEqual([{ sections: ["risks", "schedule"], edits: 5 }]);
  });
});
