import { describe, expect, it } from "vitest";
import { makeDep, makeTask } from "@/lib/plan/fixtures";
import { defaultCalendar } from "@/lib/plan/types";
import { parsePredecessor, parseScheduleCsv, scheduleToCsv, type ImportContext } from "./csv";

const ctx = (over: Partial<ImportContext> = {}): ImportContext => {
  let n = 0;
  return {
    existingTasks: [],
    existingDependencies: [],
    deliverables: [{ id: "d1", name: "Pilot" }],
    people: [{ id: "u1", name: "Ann Lee" }],
    calendar: defaultCalendar,
    newId: () => `new-${++n}`,
    firstOrder: 10,
    ...over,
  };
};

describe("parsePredecessor", () => {
  it("reads kind and lag, defaulting to finish-to-start", () => {
    expect(parsePredecessor("Design")).toEqual({ name: "Design", type: "FS", lag: 0 });
    expect(parsePredecessor("Build it [ss+2]")).toEqual({ name: "Build it", type: "SS", lag: 2 });
    expect(parsePredecessor("Test [FF-1]")).toEqual({ name: "Test", type: "FF", lag: -1 });
  });
});

describe("scheduleToCsv", () => {
  it("writes one row per task with names, links and durations, and guards formulas", () => {
    const tasks = [
      makeTask({
        id: "a",
        name: "Design",
        start: "2026-03-02",
        end: "2026-03-06",
        progress: 50,
        assigneeId: "u1",
        deliverableId: "d1",
      }),
      makeTask({
        id: "b",
        name: "=HYPERLINK(1)",
        start: "2026-03-09",
        end: "2026-03-09",
        kind: "milestone",
        parentId: "a",
      }),
    ];
    const csv = scheduleToCsv({
      tasks,
      dependencies: [makeDep("a", "b", "SS", 2)],
      deliverables: [{ id: "d1", name: "Pilot" }],
      nameOf: (id) => (id === "u1" ? "Ann Lee" : null),
      calendar: defaultCalendar,
    });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("WBS,Name,Kind,Start,End,Duration,Progress,Parent,Deliverable,Assignee,Predecessors");
    expect(lines[1]).toBe("1,Design,task,2026-03-02,2026-03-06,5,50,,Pilot,Ann Lee,");
    expect(lines[2]).toBe("1.1,'=HYPERLINK(1),milestone,2026-03-09,2026-03-09,0,0,Design,,,Design [SS+2]");
  });

  it("round-trips through the importer", () => {
    const tasks = [
      makeTask({ id: "a", name: "Design, phase 1", start: "2026-03-02", end: "2026-03-06" }),
      makeTask({ id: "b", name: "Build", start: "2026-03-09", end: "2026-03-13", progress: 25 }),
    ];
    const csv = scheduleToCsv({
      tasks,
      dependencies: [makeDep("a", "b", "FS", 1)],
      deliverables: [],
      nameOf: () => null,
      calendar: defaultCalendar,
    });
    const r = parseScheduleCsv(csv, ctx());
    expect(r.refused).toEqual([]);
    expect(r.tasks.map((t) => [t.name, t.start, t.end, t.progress])).toEqual([
      ["Design, phase 1", "2026-03-02", "2026-03-06", 0],
      ["Build", "2026-03-09", "2026-03-13", 25],
    ]);
    expect(r.dependencies).toEqual([{ id: "new-3", from: "new-1", to: "new-2", type: "FS", lag: 1 }]);
  });
});

describe("parseScheduleCsv", () => {
  it("refuses bad rows with reasons and keeps the good ones", () => {
    const csv = [
      "Name,Kind,Start,End,Duration,Progress,Parent,Deliverable,Assignee,Predecessors",
      "Good,task,2026-03-02,,3,10,,Pilot,ann lee,",
      "Backwards,task,2026-03-10,2026-03-02,,,,,,",
      ",task,2026-03-02,2026-03-03,,,,,,",
      "Bad date,task,2026-02-30,2026-03-03,,,,,,",
      "Odd kind,epic,,,,,,,,",
      "Too much,task,,,,150,,,,",
      "Nobody,task,,,,,Ghost,Nope,Zed,",
      "Launch,milestone,2026-03-06,,,,Good,,,Good [FS]; Ghost",
    ].join("\n");
    const r = parseScheduleCsv(csv, ctx());
    expect(r.fileError).toBeNull();
    expect(r.tasks.map((t) => t.name)).toEqual(["Good", "Launch"]);
    expect(r.tasks[0]).toMatchObject({ end: "2026-03-04", deliverableId: "d1", assigneeId: "u1", order: 10 });
    expect(r.tasks[1]).toMatchObject({ start: "2026-03-06", end: "2026-03-06", parentId: r.tasks[0]!.id });
    const byRow = Object.fromEntries(r.refused.map((x) => [x.row, x]));
    expect(byRow[3]!.reasons).toEqual(["The end date cannot be before the start date."]);
    expect(byRow[4]!.reasons).toEqual(["The name is empty."]);
    expect(byRow[5]!.reasons[0]).toMatch(/2026-02-30/);
    expect(byRow[6]!.reasons[0]).toMatch(/Kind must be task, milestone or buffer/);
    expect(byRow[7]!.reasons).toEqual(["Progress must be between 0 and 100%."]);
    expect(byRow[8]!.reasons).toEqual([
      "No task named “Ghost” to be the parent.",
      "No deliverable named “Nope”.",
      "No member or resource named “Zed”.",
    ]);
    expect(byRow[9]).toMatchObject({
      imported: true,
      reasons: ["Predecessor “Ghost” is not a task of the plan or of the imported rows."],
    });
    expect(r.dependencies).toHaveLength(1);
  });

  it("refuses a link that would close a loop with the plan's own links", () => {
    const existing = [makeTask({ id: "x", name: "Existing", start: "2026-03-02", end: "2026-03-03" })];
    const csv = "Name,Start,End,Predecessors\nNew,2026-03-04,2026-03-05,Existing\n";
    const r = parseScheduleCsv(csv, ctx({ existingTasks: existing }));
    expect(r.dependencies).toHaveLength(1);
    const loop = parseScheduleCsv("Name,Predecessors\nA,C\nB,A\nC,B\n", ctx());
    expect(loop.dependencies).toHaveLength(2);
    expect(loop.refused[0]!.reasons[0]).toMatch(/would make a loop/);
  });

  it("refuses a file without a Name column or with duplicate names", () => {
    expect(parseScheduleCsv("Title\nx\n", ctx()).fileError).toMatch(/Name/);
    const dup = parseScheduleCsv("Name\nA\nA\n", ctx());
    expect(dup.tasks).toHaveLength(1);
    expect(dup.refused[0]!.reasons[0]).toMatch(/already named/);
  });
});
