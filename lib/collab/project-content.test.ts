import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoPlanContent } from "@/db/demo-content";
import { getPlanContent } from "@/db/queries/plan-content";
import { useTestDatabase } from "@/db/testing";
import { fromPlanContent, readDocContent, rowsOf, updateRow, writeDocContent } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { projectPlan } from "./projection";

useTestDatabase();

const sortBy = <T extends Record<string, unknown>>(rows: T[], ...keys: (keyof T)[]) =>
  [...rows].sort((a, b) => keys.map((k) => String(a[k]).localeCompare(String(b[k]))).find((c) => c !== 0) ?? 0);

describe("projection of every section", () => {
  it("stores the whole document and reads it back equal, then follows a change", async () => {
    const u = await signUp({ name: "P", email: "p@example.com", password: "correct horse battery" });
    const me = { kind: "user" as const, userId: u.id };
    const ws = await createWorkspace(me, { name: "W" });
    const plan = await createPlan(me, ws.id, { title: "Projected" });

    expect(await getPlanContent(plan.id)).toMatchObject({ tasks: [], risks: [], strategy: "" });

    const doc = new Y.Doc();
    writeDocContent(doc, fromPlanContent(demoPlanContent("2026-11-18", u.id)));
    rowsOf(doc, "risks").set("broken", new Y.Map());
    expect(await projectPlan(plan.id, doc)).toBe(true);

    const expected = readDocContent(doc).content;
    const got = await getPlanContent(plan.id);
    expect(got.tasks).toEqual(expected.tasks);
    expect(got.objectives).toEqual(expected.objectives);
    expect(got.deliverables).toEqual(expected.deliverables);
    expect(got.scopeItems).toEqual(expected.scopeItems);
    expect(got.swotItems).toEqual(expected.swotItems);
    expect(got.resources).toEqual(expected.resources);
    expect(got.budgetLines).toEqual(expected.budgetLines);
    expect(got.raciColumns).toEqual(expected.raciColumns);
    expect(got.holidays).toEqual(expected.holidays);
    expect(got.baselines).toEqual(expected.baselines);
    expect(sortBy(got.risks, "id")).toEqual(sortBy(expected.risks, "id"));
    expect(sortBy(got.dependencies, "id")).toEqual(sortBy(expected.dependencies, "id"));
    expect(sortBy(got.raciCells, "rowId", "columnId")).toEqual(sortBy(expected.raciCells, "rowId", "columnId"));
    expect(got.strategy).toBe(expected.strategy);
    expect(got.scopeText).toBe(expected.scopeText);
    expect(got.settings).toEqual(expected.settings);

    const risk = expected.risks[0]!;
    updateRow(doc, "risks", risk.id, { likelihood: 1, status: "closed" });
    await projectPlan(plan.id, doc);
    expect((await getPlanContent(plan.id)).risks.find((r) => r.id === risk.id)).toMatchObject({
      likelihood: 1,
      status: "closed",
    });
  });
});
