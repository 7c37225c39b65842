/**
 * Two people edit the same risk (different fields) and neighbouring RACI cells at the same moment:
 * both edits survive the merge, and the projection equals the merged document.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getPlanContent } from "@/db/queries/plan-content";
import { useTestDatabase } from "@/db/testing";
import {
  insertRow,
  randomUUID,
  readDocContent,
  setRaciCell,
  updateRow,
  writeDocContent,
  emptyDocContent,
} from "@/lib/doc";
import { projectPlan } from "@/lib/collab/projection";
import { raciProblems, raciRows } from "@/lib/plan/raci";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { uuid7 } from "@/lib/uuid7";

useTestDatabase();

const sync = (a: Y.Doc, b: Y.Doc) => {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
};
const byKey = <T extends { rowId: string; columnId: string }>(cells: T[]) =>
  [...cells].sort((x, y) => `${x.rowId}:${x.columnId}`.localeCompare(`${y.rowId}:${y.columnId}`));

describe("concurrent edits of the risk register and the RACI grid", () => {
  it("keep both people's edits, and the projection equals the merged document", async () => {
    const u = await signUp({ name: "Ann", email: "ann@example.com", password: "correct horse battery" });
    const me = { kind: "user" as const, userId: u.id };
    const ws = await createWorkspace(me, { name: "W" });
    const plan = await createPlan(me, ws.id, { title: "Concurrent" });

    // The shared starting point: one risk, one task, one deliverable, two columns.
    const ids = { risk: uuid7(), task: randomUUID(), deliverable: randomUUID(), dana: randomUUID(), qa: randomUUID() };
    const base = new Y.Doc();
    writeDocContent(base, emptyDocContent());
    base.transact(() => {
      insertRow(base, "tasks", {
        id: ids.task,
        name: "Build",
        start: null,
        end: null,
        progress: 0,
        kind: "task",
        parentId: null,
        deliverableId: null,
        assigneeId: null,
        priority: "medium",
        order: 1,
      });
      insertRow(base, "deliverables", {
        id: ids.deliverable,
        name: "Portal",
        description: "",
        ownerId: null,
        due: null,
        acceptanceCriteria: "",
        status: "planned",
        order: 1,
      });
      insertRow(base, "raciColumns", { id: ids.dana, kind: "member", userId: u.id, name: "Ann", order: 1 });
      insertRow(base, "raciColumns", { id: ids.qa, kind: "role", userId: null, name: "QA lead", order: 2 });
      insertRow(base, "risks", {
        id: ids.risk,
        title: "ERP late",
        description: "",
        category: "Schedule",
        ownerId: null,
        likelihood: 3,
        impact: 3,
        trigger: "",
        mitigation: "",
        contingency: "",
        status: "open",
        linkedTaskIds: [],
        reviewDate: null,
      });
    });
    const ann = new Y.Doc();
    const bob = new Y.Doc();
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(base));

    // Offline from each other, each edits different fields of the risk and neighbouring cells.
    ann.transact(() => {
      expect(updateRow(ann, "risks", ids.risk, { likelihood: 5, mitigation: "Contract-tested mock" }).ok).toBe(true);
      expect(setRaciCell(ann, ids.task, ids.dana, "A").ok).toBe(true);
      expect(setRaciCell(ann, ids.deliverable, ids.dana, "R").ok).toBe(true);
    });
    bob.transact(() => {
      expect(
        updateRow(bob, "risks", ids.risk, { status: "mitigating", ownerId: u.id, linkedTaskIds: [ids.task] }).ok,
      ).toBe(true);
      expect(setRaciCell(bob, ids.task, ids.qa, "R").ok).toBe(true);
      expect(setRaciCell(bob, ids.deliverable, ids.qa, "A").ok).toBe(true);
    });
    // An invalid value is refused and writes nothing.
    expect(updateRow(bob, "risks", ids.risk, { impact: 9 }).ok).toBe(false);

    sync(ann, bob);
    // Cells come out in map order, which may differ between replicas: compare them sorted.
    const canonical = (d: Y.Doc) => {
      const c = readDocContent(d).content;
      return { ...c, raciCells: byKey(c.raciCells) };
    };
    const merged = canonical(ann);
    expect(canonical(bob)).toEqual(merged);
    expect(merged.risks).toEqual([
      expect.objectContaining({
        id: ids.risk,
        title: "ERP late",
        likelihood: 5,
        impact: 3,
        mitigation: "Contract-tested mock",
        status: "mitigating",
        ownerId: u.id,
        linkedTaskIds: [ids.task],
      }),
    ]);
    expect(byKey(merged.raciCells)).toEqual(
      byKey([
        { rowId: ids.task, columnId: ids.dana, value: "A" },
        { rowId: ids.task, columnId: ids.qa, value: "R" },
        { rowId: ids.deliverable, columnId: ids.dana, value: "R" },
        { rowId: ids.deliverable, columnId: ids.qa, value: "A" },
      ]),
    );
    // Together the two edits satisfy the rules that neither satisfied alone.
    expect(raciProblems(raciRows(merged.tasks, merged.deliverables), merged.raciColumns, merged.raciCells)).toEqual([]);

    // Project one replica; the stored rows equal the other replica's document.
    expect(await projectPlan(plan.id, ann)).toBe(true);
    const projected = await getPlanContent(plan.id);
    const other = readDocContent(bob).content;
    expect(projected.risks).toEqual(other.risks);
    expect(byKey(projected.raciCells)).toEqual(byKey(other.raciCells));
    expect(projected.raciColumns).toEqual(other.raciColumns);
    expect(projected.tasks).toEqual(other.tasks);
    expect(projected.deliverables).toEqual(other.deliverables);

    // A later concurrent round (one clears a cell, the other sets its neighbour) projects too.
    setRaciCell(ann, ids.task, ids.dana, null);
    setRaciCell(bob, ids.task, ids.qa, "C");
    updateRow(ann, "risks", ids.risk, { reviewDate: "2026-05-01" });
    updateRow(bob, "risks", ids.risk, { contingency: "Launch read-only" });
    sync(ann, bob);
    await projectPlan(plan.id, bob);
    const again = await getPlanContent(plan.id);
    expect(again.risks).toEqual(readDocContent(ann).content.risks);
    expect(again.risks[0]).toMatchObject({ reviewDate: "2026-05-01", contingency: "Launch read-only" });
    expect(byKey(again.raciCells)).toEqual(byKey(readDocContent(ann).content.raciCells));
    expect(again.raciCells.filter((c) => c.rowId === ids.task)).toEqual([
      { rowId: ids.task, columnId: ids.qa, value: "C" },
    ]);
  });
});
