import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeDep, makeTask } from "@/lib/plan/fixtures";
import { defaultCalendar } from "@/lib/plan/types";
import { CSV_COLUMNS, scheduleToCsv, type ImportContext } from "./csv";
import { parseScheduleXlsx, sheetFromCsv, workbook } from "./xlsx";

const ctx = (): ImportContext => {
  let n = 0;
  return {
    existingTasks: [],
    existingDependencies: [],
    deliverables: [],
    people: [{ id: "u1", name: "Ann Lee" }],
    calendar: defaultCalendar,
    newId: () => `new-${++n}`,
    firstOrder: 1,
  };
};
const tasks = [
  makeTask({
    id: "a",
    name: '=HYPERLINK("http://x","y")',
    start: "2026-03-02",
    end: "2026-03-06",
    progress: 40,
    order: 1,
  }),
  makeTask({ id: "b", name: "@Build", start: "2026-03-09", end: "2026-03-13", assigneeId: "u1", order: 2 }),
  makeTask({ id: "m", name: "Done", kind: "milestone", start: "2026-03-13", order: 3 }),
];
const csv = scheduleToCsv({
  tasks,
  dependencies: [makeDep("a", "b", "SS", 2), makeDep("b", "m")],
  deliverables: [],
  nameOf: (id) => (id === "u1" ? "Ann Lee" : null),
  calendar: defaultCalendar,
});

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

describe("Excel workbook", () => {
  it("types cells, freezes the header and never writes a formula", async () => {
    const wb = await load(
      await workbook([sheetFromCsv("Schedule", csv), { name: "Budget", header: ["Planned"], rows: [["12.5"]] }]),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Schedule", "Budget"]);
    const ws = wb.getWorksheet("Schedule")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, ...CSV_COLUMNS]);
    // Column A is the WBS number, kept as text ("1.2" is no decimal); the name follows it.
    expect(ws.getCell("A2").value).toBe("1");
    const name = ws.getCell("B2");
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("http://x","y")');
    expect(name.formula).toBeUndefined();
    expect(ws.getCell("B3").value).toBe("@Build");
    expect(ws.getCell("D2").value).toEqual(new Date("2026-03-02T00:00:00Z"));
    expect(ws.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("F2").value).toBe(5);
    expect(ws.getCell("G2").value).toBe(40);
    expect(wb.getWorksheet("Budget")!.getCell("A2").value).toBe(12.5);
  });

  it("imports its own schedule sheet with the CSV's column mapping", async () => {
    const r = await parseScheduleXlsx(await workbook([sheetFromCsv("Schedule", csv)]), ctx());
    expect(r.fileError).toBeNull();
    expect(r.refused).toEqual([]);
    expect(r.tasks.map((t) => [t.name, t.kind, t.start, t.end, t.progress, t.assigneeId])).toEqual([
      ['=HYPERLINK("http://x","y")', "task", "2026-03-02", "2026-03-06", 40, null],
      ["@Build", "task", "2026-03-09", "2026-03-13", 0, "u1"],
      ["Done", "milestone", "2026-03-13", "2026-03-13", 0, null],
    ]);
    expect(r.dependencies.map((d) => [d.from, d.to, d.type, d.lag])).toEqual([
      ["new-1", "new-2", "SS", 2],
      ["new-2", "new-3", "FS", 0],
    ]);
  });

  it("reads a hand-made sheet (text dates, a formula's value) and refuses what is not a workbook", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tasks");
    ws.addRow(["name", "start", "duration"]);
    ws.addRow(["Design", "2026-03-02", { formula: "2+1", result: 3 }]);
    const r = await parseScheduleXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ctx());
    expect(r.tasks.map((t) => [t.name, t.start, t.end])).toEqual([["Design", "2026-03-02", "2026-03-04"]]);
    const bad = await parseScheduleXlsx(new TextEncoder().encode("Name\nA"), ctx());
    expect(bad.fileError).toMatch(/not an Excel workbook/);
  });
});
