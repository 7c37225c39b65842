import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { demoPlanContent } from "@/db/demo-content";
import { planCompleteness } from "@/lib/plan/completeness";
import {
  deleteRow,
  fromPlanContent,
  insertRow,
  randomUUID,
  readDocContent,
  readRows,
  readSettings,
  rowsOf,
  metaOf,
  raciCellsOf,
  setRaciCell,
  setSetting,
  toPlanContent,
  updateRow,
  writeDocContent,
} from "./index";

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("plan document", () => {
  const demo = fromPlanContent(demoPlanContent("2026-11-18", randomUUID()));

  it("round-trips a whole plan", () => {
    const doc = new Y.Doc();
    expect(writeDocContent(doc, demo)).toEqual([]);
    const { content, invalid } = readDocContent(doc);
    expect(invalid).toEqual([]);
    expect(content.tasks).toEqual([...demo.tasks].sort((a, b) => a.order - b.order));
    expect(content.risks.map((r) => r.id).sort()).toEqual(demo.risks.map((r) => r.id).sort());
    expect(content.objectives[0]!.kpi).toEqual(demo.objectives[0]!.kpi);
    expect(content.raciCells).toHaveLength(demo.raciCells.length);
    expect(content.strategy).toBe(demo.strategy);
    expect(content.settings.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    // and survives encoding into a fresh document, as the server stores it
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readDocContent(copy).content).toEqual(content);
    expect(planCompleteness(toPlanContent(content)).score).toBeGreaterThan(60);
  });

  it("refuses an invalid value and leaves the row as it was", () => {
    const doc = new Y.Doc();
    const id = randomUUID();
    expect(
      insertRow(doc, "tasks", {
        id,
        name: "Build",
        start: "2026-03-02",
        end: "2026-03-06",
        progress: 0,
        kind: "task",
        parentId: null,
        deliverableId: null,
        assigneeId: null,
        priority: "medium",
        order: 1,
      }),
    ).toEqual({ ok: true });
    const bad = updateRow(doc, "tasks", id, { end: "2026-03-01" });
    expect(bad).toEqual({
      ok: false,
      problems: [{ field: "end", message: "The end date cannot be before the start date." }],
    });
    expect(updateRow(doc, "tasks", id, { progress: 120 }).ok).toBe(false);
    expect(readRows(doc, "tasks").rows[0]).toMatchObject({ end: "2026-03-06", progress: 0 });
    expect(updateRow(doc, "budgetLines", randomUUID(), { planned: 5 })).toMatchObject({ ok: false });
    const line = randomUUID();
    expect(
      insertRow(doc, "budgetLines", {
        id: line,
        category: "x",
        description: "",
        planned: -1,
        actual: 0,
        currency: "EUR",
        order: 1,
      }),
    ).toMatchObject({
      ok: false,
      problems: [{ field: "planned", message: "Planned cost cannot be negative." }],
    });
    expect(rowsOf(doc, "budgetLines").size).toBe(0);
  });

  it("keeps both people's edits to different fields of one row", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = randomUUID();
    insertRow(a, "risks", { ...demo.risks[0]!, id });
    sync(a, b);
    updateRow(a, "risks", id, { likelihood: 5 });
    updateRow(b, "risks", id, { mitigation: "Escalate weekly" });
    const objective = randomUUID();
    insertRow(a, "objectives", { ...demo.objectives[0]!, id: objective });
    sync(a, b);
    updateRow(a, "objectives", objective, { kpi: { current: 1000 } });
    updateRow(b, "objectives", objective, { kpi: { target: 800 } });
    setRaciCell(a, demo.raciCells[0]!.rowId, "11111111-1111-4111-8111-111111111111", "R");
    setRaciCell(b, demo.raciCells[0]!.rowId, "22222222-2222-4222-8222-222222222222", "A");
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readRows(doc, "risks").rows[0]).toMatchObject({ likelihood: 5, mitigation: "Escalate weekly" });
      expect(readRows(doc, "objectives").rows[0]!.kpi).toMatchObject({ current: 1000, target: 800 });
      expect(readDocContent(doc).content.raciCells).toHaveLength(2);
    }
  });

  it("reports malformed rows and reads the rest", () => {
    const doc = new Y.Doc();
    const good = randomUUID();
    insertRow(doc, "deliverables", { ...demo.deliverables[0]!, id: good });
    rowsOf(doc, "deliverables").set("not-a-uuid", new Y.Map());
    const evil = new Y.Map<unknown>();
    rowsOf(doc, "deliverables").set(randomUUID(), evil);
    evil.set("status", "exploded");
    rowsOf(doc, "tasks").set(randomUUID(), "just a string" as never);
    raciCellsOf(doc).set("x:y", "Z");
    metaOf(doc).set("workingWeekdays", [9]);
    const { content, invalid } = readDocContent(doc);
    expect(content.deliverables.map((d) => d.id)).toEqual([good]);
    expect(invalid.map((i) => i.section).sort()).toEqual(["deliverables", "deliverables", "raciCells", "tasks"]);
    expect(invalid.find((i) => i.error.includes("Status"))?.error).toMatch(/Status must be one of/);
    expect(readSettings(doc).workingWeekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it("validates settings and deletes rows", () => {
    const doc = new Y.Doc();
    expect(setSetting(doc, "workingWeekdays", [])).toMatchObject({ ok: false });
    expect(setSetting(doc, "workingWeekdays", [1, 2, 3, 4])).toEqual({ ok: true });
    expect(readSettings(doc).workingWeekdays).toEqual([1, 2, 3, 4]);
    const id = randomUUID();
    insertRow(doc, "swotItems", { id, quadrant: "threats", text: "Competitors", order: 1 });
    deleteRow(doc, "swotItems", id);
    expect(readRows(doc, "swotItems").rows).toEqual([]);
    expect(setRaciCell(doc, randomUUID(), randomUUID(), "X" as never)).toMatchObject({ ok: false });
  });
});
