import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { useTestDatabase } from "@/db/testing";
import { createPlan, deletePlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { recordActivity } from "./activity";

useTestDatabase();

describe("recordActivity (real PostgreSQL)", () => {
  it("merges a flush's buckets into their minutes' rows in one statement, dropping a deleted plan's", async () => {
    const person = async (name: string) =>
      (
        await signUp({
          name,
          email: `${name.toLowerCase()}-${randomUUID()}@example.com`,
          password: "correct horse battery",
        })
      ).id;
    const dana = await person("Dana");
    const eli = await person("Eli");
    const owner = { kind: "user" as const, userId: dana };
    const ws = await createWorkspace(owner, { name: "Activity" });
    const p1 = (await createPlan(owner, ws.id, { title: "One" })).id;
    const p2 = (await createPlan(owner, ws.id, { title: "Two" })).id;
    const gone = (await createPlan(owner, ws.id, { title: "Deleted" })).id;
    await deletePlan(owner, gone);
    const minute = new Date("2026-03-02T09:15:00Z");
    const next = new Date("2026-03-02T09:16:00Z");

    // An earlier flush of the same minute.
    await recordActivity([{ planId: p1, userId: dana, at: minute, sections: ["risks"], edits: 2 }]);
    await recordActivity([
      { planId: p1, userId: dana, at: minute, sections: ["schedule", "risks"], edits: 3 },
      { planId: p1, userId: eli, at: minute, sections: ["strategy"], edits: 1 },
      { planId: p1, userId: dana, at: next, sections: ["scope"], edits: 1 },
      { planId: p2, userId: eli, at: minute, sections: ["raci"], edits: 4 },
      { planId: gone, userId: dana, at: minute, sections: ["risks"], edits: 9 },
      { planId: p2, userId: randomUUID(), at: minute, sections: ["risks"], edits: 9 },
    ]);

    const db = await getDb();
    const rows = (await db.execute(sql`
      select plan_id::text as plan, user_id::text as "user", sections, edits, at, xmin::text as xmin
        from plan_activity order by plan_id = ${p1} desc, at, edits`)) as unknown as {
      plan: string;
      user: string;
      sections: string[];
      edits: number;
      at: Date | string;
      xmin: string;
    }[];
    const list = [...rows];
    expect(
      list.map((r) => ({
        plan: r.plan,
        user: r.user,
        sections: r.sections,
        edits: r.edits,
        at: new Date(r.at).toISOString(),
      })),
    ).toEqual([
      { plan: p1, user: eli, sections: ["strategy"], edits: 1, at: minute.toISOString() },
      { plan: p1, user: dana, sections: ["risks", "schedule"], edits: 5, at: minute.toISOString() },
      { plan: p1, user: dana, sections: ["scope"], edits: 1, at: next.toISOString() },
      { plan: p2, user: eli, sections: ["raci"], edits: 4, at: minute.toISOString() },
    ]);
    // Every row the second flush wrote or merged into carries that one transaction's id: one commit.
    expect(new Set(list.map((r) => r.xmin)).size).toBe(1);
  });
});
