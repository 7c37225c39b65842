import { describe, expect, it } from "vitest";
import { makeDep, makeTask } from "@/lib/plan/fixtures";
import { defaultCalendar } from "@/lib/plan/types";
import { editChanges, escapeHtml, fromLocalDate, lastDayOf, toGanttTasks, toLocalDate, visibleRows } from "./model";

const noDecor = { critical: new Set<string>(), risky: new Set<string>(), late: new Map<string, number>() };

describe("escapeHtml", () => {
  it("neutralises markup", () => {
    expect(escapeHtml(`<img src=x onerror="alert(1)">&'`)).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;",
    );
  });
});

describe("visibleRows", () => {
  const tasks = [
    makeTask({ id: "b", order: 2, deliverableId: "d1" }),
    makeTask({ id: "a", order: 1, deliverableId: "d2" }),
    makeTask({ id: "a2", order: 2, parentId: "a" }),
    makeTask({ id: "a1", order: 1, parentId: "a" }),
    makeTask({ id: "loop1", parentId: "loop2" }),
    makeTask({ id: "loop2", parentId: "loop1" }),
  ];
  it("walks the hierarchy in order, hides collapsed children and keeps rows caught in a parent loop", () => {
    // The loop is broken at its smallest id (lib/plan/tree.ts): loop1 is top-level (order 0), loop2 under it.
    expect(
      visibleRows(tasks, new Set()).map((r) => `${r.wbs} ${r.task.id}:${r.depth}${r.isSummary ? "S" : ""}`),
    ).toEqual(["1 loop1:0S", "1.1 loop2:1", "2 a:0S", "2.1 a1:1", "2.2 a2:1", "3 b:0"]);
    expect(visibleRows(tasks, new Set(["a"])).map((r) => r.task.id)).toEqual(["loop1", "loop2", "a", "b"]);
  });
  it("groups top-level tasks by deliverable with a heading on each group's first row", () => {
    const rows = visibleRows(tasks.slice(0, 4), new Set(), {
      deliverables: [
        { id: "d1", name: "Pilot" },
        { id: "d2", name: "Rollout" },
      ],
    });
    expect(rows.map((r) => [r.task.id, r.group?.name])).toEqual([
      ["b", "Pilot"],
      ["a", "Rollout"],
      ["a1", undefined],
      ["a2", undefined],
    ]);
  });
});

describe("editChanges", () => {
  it("moves the task, pushes the dependents it now blocks and rolls the summary up — one list to write at once", () => {
    const tasks = [
      makeTask({ id: "s", name: "Phase" }),
      makeTask({ id: "a", start: "2026-03-02", end: "2026-03-06", parentId: "s", progress: 100 }),
      makeTask({ id: "b", start: "2026-03-09", end: "2026-03-13", parentId: "s" }),
      makeTask({ id: "c", start: "2026-03-30", end: "2026-03-31" }),
    ];
    const deps = [makeDep("a", "b"), makeDep("a", "c")];
    const changes = editChanges(tasks, deps, defaultCalendar, "a", { start: "2026-03-04", end: "2026-03-10" });
    expect(changes).toEqual([
      { id: "a", patch: { start: "2026-03-04", end: "2026-03-10" } },
      { id: "b", patch: { start: "2026-03-11", end: "2026-03-17" } },
      { id: "s", patch: { start: "2026-03-04", end: "2026-03-17", progress: 50 } },
    ]);
  });
  it("changing progress alone rolls up without shifting anything", () => {
    const tasks = [makeTask({ id: "s" }), makeTask({ id: "a", start: "2026-03-02", end: "2026-03-06", parentId: "s" })];
    expect(editChanges(tasks, [], defaultCalendar, "a", { progress: 40 })).toEqual([
      { id: "a", patch: { progress: 40 } },
      { id: "s", patch: { start: "2026-03-02", end: "2026-03-06", progress: 40 } },
    ]);
  });
});

describe("local dates for frappe-gantt", () => {
  it("round-trips calendar dates in this process's time zone, across daylight-saving changes", () => {
    for (const d of [
      "2026-03-08",
      "2026-03-29",
      "2026-04-05",
      "2026-09-27",
      "2026-10-25",
      "2026-11-01",
      "2026-12-31",
    ]) {
      expect(fromLocalDate(toLocalDate(d))).toBe(d);
      const endExclusive = toLocalDate(d);
      endExclusive.setDate(endExclusive.getDate() + 1);
      expect(lastDayOf(new Date(endExclusive.getTime() - 1000))).toBe(d);
      // An hour off midnight (frappe's hour arithmetic over a DST change) still names the same day.
      expect(fromLocalDate(new Date(toLocalDate(d).getTime() - 3600_000))).toBe(d);
      expect(fromLocalDate(new Date(toLocalDate(d).getTime() + 3600_000))).toBe(d);
    }
  });
});

describe("toGanttTasks", () => {
  it("escapes names, links only dated visible tasks and marks critical, risky and undated rows", () => {
    const rows = visibleRows(
      [
        makeTask({ id: "a", name: "<img src=x onerror=alert(1)>", start: "2026-03-02", end: "2026-03-03" }),
        makeTask({ id: "b", start: "2026-03-04", end: "2026-03-05", order: 1 }),
        makeTask({ id: "u", order: 2 }),
      ],
      new Set(),
    );
    const out = toGanttTasks(
      rows,
      [makeDep("a", "b"), makeDep("a", "u")],
      { ...noDecor, critical: new Set(["a"]), risky: new Set(["b"]) },
      "2026-01-01",
    );
    expect(out[0]).toMatchObject({
      name: "&lt;img src=x onerror=alert(1)&gt;",
      custom_class: "pw__kind-task__is-critical",
    });
    expect(out[1]).toMatchObject({ dependencies: "a", custom_class: "pw__kind-task__has-risk" });
    expect(out[2]).toMatchObject({ start: "2026-01-01", dependencies: "", custom_class: "pw__kind-task__is-undated" });
  });
});
