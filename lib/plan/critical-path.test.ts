import { describe, expect, it } from "vitest";
import { criticalPath } from "./critical-path";
import { addDays } from "./dates";
import { makeDep as dep, makeTask } from "./fixtures";
import { defaultCalendar, type WorkingCalendar } from "./types";

// Every day worked, so textbook day numbers map straight onto dates: day 0 = Sun 1 Jun 2025.
const everyDay: WorkingCalendar = { workingWeekdays: [0, 1, 2, 3, 4, 5, 6], holidays: [] };
const day = (n: number) => addDays("2025-06-01", n);
/** A task of `d` days drawn at day 0; the links decide where it can really start. */
const job = (id: string, d: number) => makeTask({ id, start: day(0), end: day(d - 1) });

describe("criticalPath on the textbook network", () => {
  // A3 → B4 → D5 → F2 and A → C2 → E3 → F: the path A-B-D-F is 14 days long.
  const tasks = [job("A", 3), job("B", 4), job("C", 2), job("D", 5), job("E", 3), job("F", 2)];
  const deps = [dep("A", "B"), dep("A", "C"), dep("B", "D"), dep("C", "E"), dep("D", "F"), dep("E", "F")];
  const r = criticalPath(tasks, deps, everyDay);

  it("finds the end, the critical path and the slack", () => {
    expect(r.endDate).toBe(day(13));
    expect(r.criticalTaskIds).toEqual(["A", "B", "D", "F"]);
    const slack = Object.fromEntries([...r.timings].map(([id, t]) => [id, t.totalSlack]));
    expect(slack).toEqual({ A: 0, B: 0, C: 4, D: 0, E: 4, F: 0 });
    expect(r.cycle).toBeNull();
  });

  it("gives early and late dates from the two passes", () => {
    // C: ES 3, EF 5, LS 7, LF 9 (as day-boundary positions); dates are the first and last day worked.
    expect(r.timings.get("C")).toEqual({
      earlyStart: day(3),
      earlyFinish: day(4),
      lateStart: day(7),
      lateFinish: day(8),
      totalSlack: 4,
      critical: false,
    });
    expect(r.timings.get("E")).toMatchObject({
      earlyStart: day(5),
      earlyFinish: day(7),
      lateStart: day(9),
      lateFinish: day(11),
    });
    expect(r.timings.get("F")).toMatchObject({
      earlyStart: day(12),
      earlyFinish: day(13),
      lateStart: day(12),
      lateFinish: day(13),
    });
  });
});

describe("criticalPath with every link type and lag", () => {
  it("handles start-to-start and finish-to-finish with lags", () => {
    // A4 —SS+2→ B3 —FF+1→ C2: B runs days 2–4, C must finish a day after B: days 4–5.
    const tasks = [job("A", 4), job("B", 3), job("C", 2)];
    const r = criticalPath(tasks, [dep("A", "B", "SS", 2), dep("B", "C", "FF", 1)], everyDay);
    expect(r.endDate).toBe(day(5));
    expect(r.criticalTaskIds).toEqual(["A", "B", "C"]);
    expect(r.timings.get("B")).toMatchObject({ earlyStart: day(2), earlyFinish: day(4) });
    expect(r.timings.get("C")).toMatchObject({ earlyStart: day(4), earlyFinish: day(5) });
  });

  it("handles start-to-finish: the successor may finish once the predecessor starts", () => {
    // B4 starts day 3; A2 —SF→ … here A is the successor of B: A must finish no earlier than B starts.
    const b = makeTask({ id: "B", start: day(3), end: day(6) });
    const a = job("A", 2);
    const r = criticalPath([b, a], [dep("B", "A", "SF")], everyDay);
    expect(r.timings.get("A")).toMatchObject({
      earlyStart: day(1),
      earlyFinish: day(2),
      lateStart: day(5),
      lateFinish: day(6),
      totalSlack: 4,
    });
    expect(r.criticalTaskIds).toEqual(["B"]);
    // With a 2-day lag A must finish by B's start + 2.
    const lagged = criticalPath([b, a], [dep("B", "A", "SF", 2)], everyDay);
    expect(lagged.timings.get("A")).toMatchObject({ earlyStart: day(3), earlyFinish: day(4) });
  });

  it("lets a lead (negative lag) overlap tasks", () => {
    const r = criticalPath([job("A", 3), job("B", 2)], [dep("A", "B", "FS", -1)], everyDay);
    expect(r.timings.get("B")).toMatchObject({ earlyStart: day(2), earlyFinish: day(3), totalSlack: 0 });
    expect(r.endDate).toBe(day(3));
  });

  it("respects a start drawn later than the links require", () => {
    const late = makeTask({ id: "B", start: day(5), end: day(6) });
    const r = criticalPath([job("A", 3), late], [dep("A", "B")], everyDay);
    expect(r.timings.get("B")).toMatchObject({ earlyStart: day(5), totalSlack: 0 });
    expect(r.timings.get("A")).toMatchObject({ totalSlack: 2, lateFinish: day(4) });
    expect(r.criticalTaskIds).toEqual(["B"]);
  });
});

describe("criticalPath on the working calendar", () => {
  // Mon 2 Jun 2025: Design Mon–Fri, Build 3 days after it, Docs Mon–Tue on the side.
  const design = makeTask({ id: "design", start: "2025-06-02", end: "2025-06-06" });
  const build = makeTask({ id: "build", start: "2025-06-02", end: "2025-06-04" });
  const docs = makeTask({ id: "docs", start: "2025-06-02", end: "2025-06-03" });
  const launch = makeTask({ id: "launch", kind: "milestone", start: "2025-06-02" });

  it("counts slack in working days across the weekend", () => {
    const r = criticalPath([design, build, docs], [dep("design", "build")], defaultCalendar);
    expect(r.timings.get("build")).toMatchObject({ earlyStart: "2025-06-09", earlyFinish: "2025-06-11" });
    expect(r.endDate).toBe("2025-06-11");
    expect(r.timings.get("docs")).toMatchObject({ totalSlack: 6, lateStart: "2025-06-10", lateFinish: "2025-06-11" });
  });

  it("skips holidays", () => {
    const cal: WorkingCalendar = {
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: [{ date: "2025-06-10", name: "Team day" }],
    };
    const r = criticalPath([design, build], [dep("design", "build")], cal);
    expect(r.endDate).toBe("2025-06-12");
  });

  it("puts a milestone at the close of its predecessor's last day", () => {
    const r = criticalPath([design, build, launch], [dep("design", "build"), dep("build", "launch")], defaultCalendar);
    expect(r.timings.get("launch")).toMatchObject({
      earlyStart: "2025-06-11",
      earlyFinish: "2025-06-11",
      totalSlack: 0,
    });
    expect(r.criticalTaskIds).toEqual(["design", "build", "launch"]);
    expect(r.endDate).toBe("2025-06-11");
  });
});

describe("criticalPath edge cases", () => {
  it("returns nothing for an empty plan or undated tasks", () => {
    expect(criticalPath([], [], defaultCalendar)).toEqual({
      timings: new Map(),
      criticalTaskIds: [],
      endDate: null,
      cycle: null,
    });
    expect(criticalPath([makeTask({ id: "u" })], [], defaultCalendar).endDate).toBeNull();
  });

  it("makes a single task critical", () => {
    const r = criticalPath([makeTask({ id: "only", start: "2025-06-02", end: "2025-06-04" })], [], defaultCalendar);
    expect(r.criticalTaskIds).toEqual(["only"]);
    expect(r.endDate).toBe("2025-06-04");
  });

  it("reports a loop and still computes the rest", () => {
    const r = criticalPath([job("A", 2), job("B", 2)], [dep("A", "B"), dep("B", "A")], everyDay);
    expect(r.cycle).toEqual(["A", "B", "A"]);
    expect(r.endDate).toBe(day(3));
  });

  it("leaves summary tasks out", () => {
    const phase = makeTask({ id: "phase", start: day(0), end: day(20) });
    const child = makeTask({ id: "child", parentId: "phase", start: day(0), end: day(1) });
    const r = criticalPath([phase, child], [], everyDay);
    expect([...r.timings.keys()]).toEqual(["child"]);
    expect(r.endDate).toBe(day(1));
  });
});
