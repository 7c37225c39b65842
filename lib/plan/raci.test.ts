import { describe, expect, it } from "vitest";
import { makeTask } from "./fixtures";
import { columnLoads, raciProblems, raciRowProblems, raciRows } from "./raci";
import type { Deliverable, RaciCell, RaciColumn } from "./types";

const col = (id: string, name: string): RaciColumn => ({ id, kind: "role", userId: null, name, order: 0 });
const columns = [col("ana", "Ana"), col("bo", "Bo"), col("cy", "")];
const cell = (rowId: string, columnId: string, value: RaciCell["value"]): RaciCell => ({ rowId, columnId, value });

describe("RACI row rules", () => {
  it("accepts one A and one or more R", () => {
    expect(raciRowProblems("t1", columns, [cell("t1", "ana", "A"), cell("t1", "bo", "R")])).toEqual([]);
    expect(
      raciRowProblems("t1", columns, [cell("t1", "ana", "A"), cell("t1", "bo", "R"), cell("t1", "cy", "R")]),
    ).toEqual([]);
  });

  it("asks for an Accountable and a Responsible on an empty row", () => {
    expect(raciRowProblems("t1", columns, [])).toEqual([
      { rule: "one-accountable", message: "No one is Accountable: exactly one must be." },
      { rule: "responsible", message: "No one is Responsible: at least one must be." },
    ]);
  });

  it("names the people when more than one is Accountable", () => {
    const cells = [cell("t1", "ana", "A"), cell("t1", "bo", "A"), cell("t1", "cy", "A"), cell("t1", "ana", "R")];
    expect(raciRowProblems("t1", columns, cells)).toEqual([
      { rule: "one-accountable", message: "3 are Accountable (Ana, Bo, Unnamed): exactly one must be." },
    ]);
  });

  it("does not count C and I, other rows, or removed columns", () => {
    const cells = [cell("t1", "ana", "C"), cell("t1", "bo", "I"), cell("t2", "ana", "R"), cell("t1", "gone", "A")];
    expect(raciRowProblems("t1", columns, cells).map((p) => p.rule)).toEqual(["one-accountable", "responsible"]);
  });

  it("lists only the rows that break a rule, tasks then deliverables", () => {
    const deliverable: Deliverable = {
      id: "d1",
      name: "Runbook",
      description: "",
      ownerId: null,
      due: null,
      acceptanceCriteria: "",
      status: "planned",
      order: 0,
    };
    const rows = raciRows([makeTask({ id: "t1", name: "Build" }), makeTask({ id: "t2", name: "Test" })], [deliverable]);
    expect(rows).toEqual([
      { id: "t1", kind: "task", name: "Build" },
      { id: "t2", kind: "task", name: "Test" },
      { id: "d1", kind: "deliverable", name: "Runbook" },
    ]);
    const cells = [cell("t1", "ana", "A"), cell("t1", "bo", "R"), cell("d1", "ana", "R")];
    expect(raciProblems(rows, columns, cells).map((r) => [r.rowId, r.problems.length])).toEqual([
      ["t2", 2],
      ["d1", 1],
    ]);
    expect(raciProblems([], columns, cells)).toEqual([]);
  });
});

describe("RACI column load", () => {
  it("counts R and A per column and flags overload above the threshold", () => {
    const cells = [
      ...["t1", "t2", "t3", "t4"].map((r) => cell(r, "ana", "R")),
      cell("t5", "ana", "A"),
      cell("t6", "ana", "A"),
      cell("t1", "bo", "A"),
      cell("t2", "bo", "C"),
      cell("t3", "bo", "I"),
    ];
    expect(columnLoads(columns, cells)).toEqual([
      { columnId: "ana", responsible: 4, accountable: 2, load: 6, overloaded: true },
      { columnId: "bo", responsible: 0, accountable: 1, load: 1, overloaded: false },
      { columnId: "cy", responsible: 0, accountable: 0, load: 0, overloaded: false },
    ]);
    expect(columnLoads(columns, cells, null, 6)[0]?.overloaded).toBe(false);
    expect(columnLoads(columns, cells, [{ id: "t1" }])[0]).toMatchObject({ load: 1, overloaded: false });
  });
});
