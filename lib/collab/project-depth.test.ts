import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getPlanContent } from "@/db/queries/plan-content";
import { useTestDatabase } from "@/db/testing";
import { blankRow, insertRow, randomUUID, readDocContent, updateRow } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { projectPlan } from "./projection";

useTestDatabase();

describe("projection of stakeholders, research and task priority", () => {
  it("reads the rows back as the document holds them, dangling links and order included", async () => {
    const u = await signUp({ name: "D", email: "d@example.com", password: "correct horse battery" });
    const me = { kind: "user" as const, userId: u.id };
    const ws = await createWorkspace(me, { name: "W" });
    const plan = await createPlan(me, ws.id, { title: "Depth" });

    const doc = new Y.Doc();
    const [deliverable, task, finance, support, interview] = [1, 2, 3, 4, 5].map(() => randomUUID()) as [
      string,
      string,
      string,
      string,
      string,
    ];
    insertRow(doc, "deliverables", { ...blankRow("deliverables", deliverable), name: "Report", order: 1 });
    insertRow(doc, "tasks", { ...blankRow("tasks", task), name: "Build", priority: "critical", order: 1 });
    insertRow(doc, "stakeholders", {
      ...blankRow("stakeholders", finance),
      name: "Finance",
      role: "CFO",
      interest: 2,
      influence: 5,
      deliverableIds: [deliverable, "no-longer-there"],
      channel: "Steering committee",
      frequency: "monthly",
      ownerId: u.id,
      order: 2,
    });
    insertRow(doc, "stakeholders", { ...blankRow("stakeholders", support), name: "Support", order: 1 });
    insertRow(doc, "researchEntries", {
      ...blankRow("researchEntries", interview),
      kind: "focus_group",
      title: "Agents' focus group",
      date: "2026-05-04",
      participants: "Eight agents",
      findings: "## Calls\n- **Half** ask where an order is.",
      linkedIds: [task, "deleted-risk"],
      order: 1,
    });
    expect(await projectPlan(plan.id, doc)).toBe(true);

    const expected = readDocContent(doc).content;
    const got = await getPlanContent(plan.id);
    expect(got.stakeholders).toEqual(expected.stakeholders);
    expect(got.stakeholders.map((s) => s.name)).toEqual(["Support", "Finance"]);
    expect(got.researchEntries).toEqual(expected.researchEntries);
    expect(got.tasks[0]!.priority).toBe("critical");

    updateRow(doc, "researchEntries", interview, { linkedIds: [] });
    updateRow(doc, "tasks", task, { priority: "low" });
    await projectPlan(plan.id, doc);
    const again = await getPlanContent(plan.id);
    expect(again.researchEntries[0]!.linkedIds).toEqual([]);
    expect(again.tasks[0]!.priority).toBe("low");
  });
});
