import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Deliverable, RaciColumn, Task } from "@/lib/plan/types";
import { cellEditForKey, cellIndex, columnLabel } from "./cells";
import { raciCsv } from "./csv";

const task = (id: string, name: string): Task => ({
  id,
  name,
  start: null,
  end: null,
  progress: 0,
  kind: "task",
  parentId: null,
  deliverableId: null,
  assigneeId: null,
  priority: "medium",
  order: 0,
});
const deliverable = (id: string, name: string): Deliverable => ({
  id,
  name,
  description: "",
  ownerId: null,
  due: null,
  acceptanceCriteria: "",
  status: "planned",
  order: 0,
});
const columns: RaciColumn[] = [
  { id: "c2", kind: "role", userId: null, name: "QA lead", order: 2 },
  { id: "c1", kind: "member", userId: "u1", name: "Old name", order: 1 },
];

describe("cellEditForKey", () => {
  it("sets a letter typed in either case, clears on Delete and Backspace, ignores the rest", () => {
    expect(cellEditForKey({ key: "r" })).toBe("R");
    expect(cellEditForKey({ key: "A" })).toBe("A");
    expect(cellEditForKey({ key: "c" })).toBe("C");
    expect(cellEditForKey({ key: "i" })).toBe("I");
    expect(cellEditForKey({ key: "Delete" })).toBeNull();
    expect(cellEditForKey({ key: "Backspace" })).toBeNull();
    expect(cellEditForKey({ key: "x" })).toBeUndefined();
    expect(cellEditForKey({ key: "ArrowDown" })).toBeUndefined();
    expect(cellEditForKey({ key: "c", ctrlKey: true })).toBeUndefined();
    expect(cellEditForKey({ key: "a", metaKey: true })).toBeUndefined();
  });
});

describe("columnLabel and cellIndex", () => {
  it("names member columns after the member today, roles by their name", () => {
    const names = (id: string) => (id === "u1" ? "Dana" : null);
    expect(columnLabel(columns[1]!, names)).toBe("Dana");
    expect(columnLabel(columns[1]!, () => null)).toBe("Old name");
    expect(columnLabel(columns[0]!, names)).toBe("QA lead");
    expect(columnLabel({ ...columns[0]!, name: "  " }, names)).toBe("Unnamed");
  });

  it("indexes cells by row and column", () => {
    expect(cellIndex([{ rowId: "t", columnId: "c", value: "A" }]).get("t:c")).toBe("A");
  });
});

describe("raciCsv", () => {
  it("writes tasks then deliverables, columns in order, letters and each row's problems", () => {
    const csv = raciCsv({
      tasks: [task("t1", "Build"), task("t2", "=cmd")],
      deliverables: [deliverable("d1", "Portal")],
      columns,
      cells: [
        { rowId: "t1", columnId: "c1", value: "A" },
        { rowId: "t1", columnId: "c2", value: "R" },
        { rowId: "d1", columnId: "c1", value: "A" },
        { rowId: "d1", columnId: "c2", value: "A" },
      ],
      memberName: (id) => (id === "u1" ? "Dana" : null),
    });
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Kind", "Name", "Dana", "QA lead", "Problems"]);
    expect(rows[1]).toEqual(["Task", "Build", "A", "R", ""]);
    expect(rows[2]).toEqual([
      "Task",
      "'=cmd",
      "",
      "",
      "No one is Accountable: exactly one must be. No one is Responsible: at least one must be.",
    ]);
    expect(rows[3]).toEqual([
      "Deliverable",
      "Portal",
      "A",
      "A",
      "2 are Accountable (Dana, QA lead): exactly one must be. No one is Responsible: at least one must be.",
    ]);
  });
});
