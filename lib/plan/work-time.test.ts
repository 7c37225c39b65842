import { describe, expect, it } from "vitest";
import { criticalPath } from "./critical-path";
import { addDays } from "./dates";
import { makeDep, makeTask } from "./fixtures";
import { shiftDependents } from "./schedule";
import { defaultCalendar as cal } from "./types";
import { datesOf, spanOf, workTime } from "./work-time";

describe("workTime positions", () => {
  const wt = workTime(cal, "2025-06-02");

  it("maps working days to consecutive positions and non-working days onto their neighbours", () => {
    expect(wt.startPos("2025-06-02")).toBe(0);
    expect(wt.finishPos("2025-06-06")).toBe(5);
    expect(wt.startPos("2025-06-07")).toBe(5);
    expect(wt.startPos("2025-06-09")).toBe(5);
    expect(wt.finishPos("2025-06-08")).toBe(5);
    expect(wt.startPos("2025-05-30")).toBe(-1);
    expect(wt.dateAtStart(5)).toBe("2025-06-09");
    expect(wt.dateAtFinish(5)).toBe("2025-06-06");
    expect(wt.dateAtStart(-1)).toBe("2025-05-30");
  });

  it("puts a milestone at the close of its day and keeps a task at least one day long", () => {
    const m = makeTask({ id: "m", kind: "milestone", start: "2025-06-06" });
    expect(spanOf(m, wt)).toEqual({ start: 5, finish: 5 });
    expect(datesOf("milestone", { start: 5, finish: 5 }, wt)).toEqual({ start: "2025-06-06", end: "2025-06-06" });
    const weekendOnly = makeTask({ id: "w", start: "2025-06-07", end: "2025-06-08" });
    expect(spanOf(weekendOnly, wt)).toEqual({ start: 5, finish: 5 });
    expect(datesOf("task", { start: 5, finish: 5 }, wt)).toEqual({ start: "2025-06-09", end: "2025-06-09" });
    expect(spanOf(makeTask({ id: "u" }), wt)).toBeNull();
  });
});

describe("scale", () => {
  it("schedules a 5,000-task chain quickly", () => {
    const tasks = Array.from({ length: 5000 }, (_, i) =>
      makeTask({ id: `t${i}`, start: addDays("2025-06-02", i), end: addDays("2025-06-02", i) }),
    );
    const deps = tasks.slice(1).map((t, i) => makeDep(`t${i}`, t.id, i % 4 === 0 ? "SS" : "FS", i % 3 === 0 ? 1 : 0));
    const started = performance.now();
    const cp = criticalPath(tasks, deps, cal);
    const moved = [{ ...tasks[0]!, start: "2025-06-03", end: "2025-06-03" }, ...tasks.slice(1)];
    const changes = shiftDependents(moved, deps, cal, "t0");
    expect(cp.timings.size).toBe(5000);
    expect(changes.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
