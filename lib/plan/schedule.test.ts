import { describe, expect, it } from "vitest";
import { makeDep as dep, makeTask as task } from "./fixtures";
import {
  cycleMessage,
  expandSummaryLinks,
  findCycle,
  refuseDependency,
  rollUpChanges,
  rollUpSummaries,
  shiftDependents,
  summaryTaskIds,
  taskDuration,
  taskLabel,
  validateTask,
  wouldCreateCycle,
} from "./schedule";
import { defaultCalendar as cal, type WorkingCalendar } from "./types";

// Mon 2 Jun 2025 … Fri 6; Mon 9 … Fri 13; Mon 16 … Fri 20.
const design = task({ id: "design", name: "Design", start: "2025-06-02", end: "2025-06-06" });
const build = task({ id: "build", name: "Build", start: "2025-06-09", end: "2025-06-13" });
const test = task({ id: "test", name: "Test", start: "2025-06-16", end: "2025-06-18" });

describe("validateTask", () => {
  it("accepts a well-formed task and milestone", () => {
    expect(validateTask(design)).toEqual([]);
    expect(validateTask(task({ id: "m", kind: "milestone", start: "2025-06-06" }))).toEqual([]);
    expect(validateTask(task({ id: "undated" }))).toEqual([]);
  });

  it("refuses an end before the start, progress outside 0–100 and a multi-day milestone", () => {
    expect(validateTask({ ...design, end: "2025-06-01" })).toEqual([
      { field: "end", message: "The end date cannot be before the start date." },
    ]);
    expect(validateTask({ ...design, progress: 101 })).toEqual([
      { field: "progress", message: "Progress must be between 0 and 100%." },
    ]);
    expect(validateTask({ ...design, progress: -1 })[0]?.field).toBe("progress");
    expect(validateTask({ ...design, progress: Number.NaN })[0]?.field).toBe("progress");
    expect(validateTask({ ...design, kind: "milestone" })).toEqual([
      { field: "end", message: "A milestone is a single day: its start and end must be the same date." },
    ]);
  });

  it("refuses malformed dates", () => {
    expect(validateTask({ ...design, start: "2025-02-30" })).toEqual([
      { field: "start", message: "The start must be a date (YYYY-MM-DD)." },
    ]);
  });
});

describe("taskDuration", () => {
  it("counts working days inclusive; milestones and undated tasks last 0", () => {
    expect(taskDuration(design, cal)).toBe(5);
    expect(taskDuration(task({ id: "x", start: "2025-06-06", end: "2025-06-09" }), cal)).toBe(2);
    expect(taskDuration(task({ id: "m", kind: "milestone", start: "2025-06-06" }), cal)).toBe(0);
    expect(taskDuration(task({ id: "u" }), cal)).toBe(0);
  });
});

describe("loops", () => {
  const tasks = [design, build, test];

  it("finds none in a chain", () => {
    expect(findCycle([dep("design", "build"), dep("build", "test")])).toBeNull();
    expect(findCycle([])).toBeNull();
  });

  it("finds loops of length 1, 2 and 3 as closed paths", () => {
    expect(findCycle([dep("design", "design")])).toEqual(["design", "design"]);
    expect(findCycle([dep("design", "build"), dep("build", "design")])).toEqual(["design", "build", "design"]);
    expect(
      findCycle([dep("x", "design"), dep("design", "build"), dep("build", "test"), dep("test", "design")]),
    ).toEqual(["design", "build", "test", "design"]);
  });

  it("tells whether a new link would close one, and which", () => {
    const deps = [dep("design", "build"), dep("build", "test")];
    expect(wouldCreateCycle(deps, { from: "design", to: "test" })).toBeNull();
    expect(wouldCreateCycle(deps, { from: "test", to: "design" })).toEqual(["test", "design", "build", "test"]);
    expect(wouldCreateCycle(deps, { from: "build", to: "design" })).toEqual(["build", "design", "build"]);
    expect(wouldCreateCycle([], { from: "design", to: "design" })).toEqual(["design", "design"]);
  });

  it("words the loop with task names", () => {
    expect(cycleMessage(["design", "build", "design"], tasks)).toBe("“Design” → “Build” → “Design” would make a loop");
    expect(cycleMessage(["design", "design"], tasks)).toBe("“Design” → “Design” would make a loop");
    expect(cycleMessage(["design", "ghost"], tasks)).toBe("“Design” → “Untitled task” would make a loop");
    expect(taskLabel({ name: "   " })).toBe("“Untitled task”");
  });

  it("refuses self links, duplicates, unknown tasks and loops with a sentence", () => {
    const deps = [dep("design", "build"), dep("build", "test")];
    expect(refuseDependency(deps, tasks, { from: "design", to: "test" })).toBeNull();
    expect(refuseDependency(deps, tasks, { from: "test", to: "design" })).toBe(
      "“Test” → “Design” → “Build” → “Test” would make a loop.",
    );
    expect(refuseDependency(deps, tasks, { from: "design", to: "design" })).toBe("“Design” cannot depend on itself.");
    expect(refuseDependency(deps, tasks, { from: "design", to: "build" })).toBe(
      "“Design” and “Build” are already linked.",
    );
    expect(refuseDependency(deps, tasks, { from: "design", to: "nope" })).toBe(
      "Both ends of a dependency must be tasks of this plan.",
    );
  });
});

describe("shiftDependents", () => {
  const moveDesignToEnd = (end: string, start = "2025-06-04") => ({ ...design, start, end });

  it("moves a finish-to-start successor by exactly the slip, keeping its working-day duration", () => {
    // Design now ends Tue 10: Build (5 days) must start Wed 11 → ends Tue 17 over the weekend.
    expect(shiftDependents([moveDesignToEnd("2025-06-10"), build], [dep("design", "build")], cal, "design")).toEqual([
      { id: "build", start: "2025-06-11", end: "2025-06-17" },
    ]);
  });

  it("leaves a successor with enough slack where it is, and never pulls one earlier", () => {
    const later = { ...build, start: "2025-06-16", end: "2025-06-20" };
    expect(shiftDependents([moveDesignToEnd("2025-06-10"), later], [dep("design", "build")], cal, "design")).toEqual(
      [],
    );
    const earlier = { ...design, start: "2025-05-26", end: "2025-05-30" };
    expect(shiftDependents([earlier, build], [dep("design", "build")], cal, "design")).toEqual([]);
  });

  it("uses up part of the slack before moving", () => {
    // Build starts Thu 12; Design ending Fri 13 needs Build from Mon 16: 2 working days later.
    const slack = { ...build, start: "2025-06-12", end: "2025-06-13" };
    expect(
      shiftDependents([moveDesignToEnd("2025-06-13", "2025-06-09"), slack], [dep("design", "build")], cal, "design"),
    ).toEqual([{ id: "build", start: "2025-06-16", end: "2025-06-17" }]);
  });

  it("applies lags and leads in working days", () => {
    const tasks = [moveDesignToEnd("2025-06-10"), build];
    expect(shiftDependents(tasks, [dep("design", "build", "FS", 2)], cal, "design")).toEqual([
      { id: "build", start: "2025-06-13", end: "2025-06-19" },
    ]);
    expect(shiftDependents(tasks, [dep("design", "build", "FS", -1)], cal, "design")).toEqual([
      { id: "build", start: "2025-06-10", end: "2025-06-16" },
    ]);
    expect(shiftDependents(tasks, [dep("design", "build", "FS", -2)], cal, "design")).toEqual([]);
  });

  it("handles start-to-start, finish-to-finish and start-to-finish", () => {
    const moved = { ...design, start: "2025-06-11", end: "2025-06-17" };
    expect(shiftDependents([moved, build], [dep("design", "build", "SS", 1)], cal, "design")).toEqual([
      { id: "build", start: "2025-06-12", end: "2025-06-18" },
    ]);
    expect(shiftDependents([moved, build], [dep("design", "build", "FF")], cal, "design")).toEqual([
      { id: "build", start: "2025-06-11", end: "2025-06-17" },
    ]);
    // SF: the successor must finish no earlier than the day before the predecessor starts (+ lag).
    const handover = task({ id: "handover", name: "Handover", start: "2025-06-02", end: "2025-06-03" });
    expect(shiftDependents([moved, handover], [dep("design", "handover", "SF")], cal, "design")).toEqual([
      { id: "handover", start: "2025-06-09", end: "2025-06-10" },
    ]);
    expect(shiftDependents([moved, handover], [dep("design", "handover", "SF", 2)], cal, "design")).toEqual([
      { id: "handover", start: "2025-06-11", end: "2025-06-12" },
    ]);
  });

  it("cascades transitively, each successor by what it needs", () => {
    // Test starts Wed 18 after Build: one day of slack.
    const t = { ...test, start: "2025-06-18", end: "2025-06-19" };
    const deps = [dep("design", "build"), dep("build", "test")];
    expect(shiftDependents([moveDesignToEnd("2025-06-10"), build, t], deps, cal, "design")).toEqual([
      { id: "build", start: "2025-06-11", end: "2025-06-17" },
    ]);
    expect(shiftDependents([moveDesignToEnd("2025-06-11"), build, t], deps, cal, "design")).toEqual([
      { id: "build", start: "2025-06-12", end: "2025-06-18" },
      { id: "test", start: "2025-06-19", end: "2025-06-20" },
    ]);
  });

  it("takes the latest of several moved predecessors into a join", () => {
    const a = task({ id: "a", start: "2025-06-02", end: "2025-06-04" });
    const b = task({ id: "b", start: "2025-06-02", end: "2025-06-03" });
    const join = task({ id: "join", start: "2025-06-05", end: "2025-06-05" });
    const deps = [dep("a", "join"), dep("a", "b", "SS", 3), dep("b", "join")];
    // a moves 1 day later; b must start 3 days after a starts → Fri 6 … Mon 9; join after b → Tue 10.
    const moved = { ...a, start: "2025-06-03", end: "2025-06-05" };
    expect(shiftDependents([moved, b, join], deps, cal, "a")).toEqual([
      { id: "b", start: "2025-06-06", end: "2025-06-09" },
      { id: "join", start: "2025-06-10", end: "2025-06-10" },
    ]);
  });

  it("skips holidays and keeps durations in working days", () => {
    const holidays: WorkingCalendar = {
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: [{ date: "2025-06-16", name: "Offsite" }],
    };
    expect(
      shiftDependents([moveDesignToEnd("2025-06-10"), build], [dep("design", "build")], holidays, "design"),
    ).toEqual([{ id: "build", start: "2025-06-11", end: "2025-06-18" }]);
  });

  it("keeps the change over a daylight-saving weekend to whole days", () => {
    // US clocks spring forward on Sun 9 Mar 2025.
    const a = task({ id: "a", start: "2025-03-03", end: "2025-03-07" });
    const b = task({ id: "b", start: "2025-03-10", end: "2025-03-11" });
    const moved = { ...a, end: "2025-03-10" };
    expect(shiftDependents([moved, b], [dep("a", "b")], cal, "a")).toEqual([
      { id: "b", start: "2025-03-11", end: "2025-03-12" },
    ]);
  });

  it("puts a milestone at the close of the day its predecessor finishes", () => {
    const launch = task({ id: "launch", kind: "milestone", start: "2025-06-13" });
    const hypercare = task({ id: "care", start: "2025-06-16", end: "2025-06-20" });
    const deps = [dep("build", "launch"), dep("launch", "care")];
    const moved = { ...build, start: "2025-06-11", end: "2025-06-17" };
    expect(shiftDependents([moved, launch, hypercare], deps, cal, "build")).toEqual([
      { id: "launch", start: "2025-06-17", end: "2025-06-17" },
      { id: "care", start: "2025-06-18", end: "2025-06-24" },
    ]);
  });

  it("lets a buffer absorb a slip before the milestone behind it moves", () => {
    const buffer = task({ id: "buffer", kind: "buffer", start: "2025-06-16", end: "2025-06-18" });
    const launch = task({ id: "launch", kind: "milestone", start: "2025-06-18" });
    const deps = [dep("build", "buffer"), dep("buffer", "launch")];
    const slip2 = { ...build, end: "2025-06-17" };
    expect(shiftDependents([slip2, buffer, launch], deps, cal, "build")).toEqual([
      { id: "buffer", start: "2025-06-18", end: "2025-06-18" },
    ]);
    const slip4 = { ...build, end: "2025-06-19" };
    expect(shiftDependents([slip4, buffer, launch], deps, cal, "build")).toEqual([
      { id: "buffer", start: "2025-06-20", end: "2025-06-20" },
      { id: "launch", start: "2025-06-20", end: "2025-06-20" },
    ]);
  });

  it("moves only what the move broke, not links that were already broken", () => {
    const other = task({ id: "other", start: "2025-06-02", end: "2025-06-20" });
    const deps = [dep("design", "build"), dep("other", "build")];
    expect(shiftDependents([moveDesignToEnd("2025-06-10"), build, other], deps, cal, "design")).toEqual([
      { id: "build", start: "2025-06-11", end: "2025-06-17" },
    ]);
  });

  it("survives loops and unknown or undated tasks", () => {
    const deps = [dep("design", "build"), dep("build", "design")];
    expect(() => shiftDependents([moveDesignToEnd("2025-06-10"), build], deps, cal, "design")).not.toThrow();
    expect(shiftDependents([design], [], cal, "ghost")).toEqual([]);
    expect(
      shiftDependents([moveDesignToEnd("2025-06-10"), task({ id: "build" })], [dep("design", "build")], cal, "design"),
    ).toEqual([]);
  });

  it("returns nothing for a plan of one task", () => {
    expect(shiftDependents([design], [], cal, "design")).toEqual([]);
  });
});

describe("links that touch a summary", () => {
  // phase = [a Mon 9–Tue 10, b Wed 11–Fri 13]
  const phase = task({ id: "phase", start: "2025-06-09", end: "2025-06-13" });
  const a = task({ id: "a", parentId: "phase", start: "2025-06-09", end: "2025-06-10" });
  const b = task({ id: "b", parentId: "phase", start: "2025-06-11", end: "2025-06-13" });
  const after = task({ id: "after", start: "2025-06-16", end: "2025-06-17" });

  it("pushes every leaf of a summary whose start a link bounds", () => {
    const late = { ...design, end: "2025-06-10" };
    expect(shiftDependents([late, phase, a, b], [dep("design", "phase")], cal, "design")).toEqual([
      { id: "a", start: "2025-06-11", end: "2025-06-12" },
    ]);
  });

  it("bounds a summary's finish through the leaves that end last", () => {
    expect(expandSummaryLinks([design, phase, a, b], [dep("design", "phase", "FF", 2)])).toEqual([
      { ...dep("design", "phase", "FF", 2), id: "design-FF-phase:design:b", to: "b" },
    ]);
    expect(expandSummaryLinks([design, phase, a, b], [dep("design", "phase", "SS")]).map((d) => d.to)).toEqual([
      "b",
      "a",
    ]);
  });

  it("schedules a successor from the summary's finish or start", () => {
    const longer = { ...b, end: "2025-06-16" };
    expect(shiftDependents([phase, a, longer, after], [dep("phase", "after")], cal, "b")).toEqual([
      { id: "after", start: "2025-06-17", end: "2025-06-18" },
    ]);
    const deps = expandSummaryLinks(
      [phase, a, b, after],
      [dep("phase", "after", "SS", 1), dep("phase", "after", "SF")],
    );
    expect(deps.map((d) => `${d.from}>${d.to}`)).toEqual(["a>after", "a>after"]);
  });

  it("leaves a plan without summary links as it is", () => {
    const deps = [dep("design", "build")];
    expect(expandSummaryLinks([design, build], deps)).toBe(deps);
  });
});

describe("summary tasks", () => {
  const phase = task({ id: "phase", name: "Phase 1", start: null, end: null });
  const a = task({ id: "a", parentId: "phase", start: "2025-06-02", end: "2025-06-06", progress: 100 }); // 5 days
  const b = task({ id: "b", parentId: "phase", start: "2025-06-09", end: "2025-06-23", progress: 0 }); // 11 days
  const m = task({ id: "m", parentId: "phase", kind: "milestone", start: "2025-06-24", progress: 0 });

  it("knows which tasks are summaries", () => {
    expect([...summaryTaskIds([phase, a, b, task({ id: "orphan", parentId: "gone" })])]).toEqual(["phase"]);
  });

  it("rolls up dates and duration-weighted progress", () => {
    const r = rollUpSummaries([phase, a, b, m], cal).get("phase")!;
    expect(r.start).toBe("2025-06-02");
    expect(r.end).toBe("2025-06-24");
    expect(r.progress).toBeCloseTo((5 * 100) / 16, 10);
  });

  it("weights nested summaries by the leaf work beneath them", () => {
    const top = task({ id: "top" });
    const mid = task({ id: "mid", parentId: "top" });
    const x = task({ id: "x", parentId: "mid", start: "2025-06-02", end: "2025-06-03", progress: 50 }); // 2 days
    const y = task({ id: "y", parentId: "top", start: "2025-06-04", end: "2025-06-09", progress: 100 }); // 4 days
    const r = rollUpSummaries([top, mid, x, y], cal);
    expect(r.get("mid")).toEqual({ start: "2025-06-02", end: "2025-06-03", progress: 50 });
    expect(r.get("top")?.progress).toBeCloseTo((2 * 50 + 4 * 100) / 6, 10);
    expect(r.get("top")?.end).toBe("2025-06-09");
  });

  it("averages plainly when children have no working days, and leaves undated children out of the dates", () => {
    const p = task({ id: "p" });
    const m1 = task({ id: "m1", parentId: "p", kind: "milestone", start: "2025-06-06", progress: 100 });
    const u = task({ id: "u", parentId: "p", progress: 0 });
    expect(rollUpSummaries([p, m1, u], cal).get("p")).toEqual({ start: "2025-06-06", end: "2025-06-06", progress: 50 });
  });

  it("survives a parent loop", () => {
    const x = task({ id: "x", parentId: "y", start: "2025-06-02", end: "2025-06-02" });
    const y = task({ id: "y", parentId: "x", start: "2025-06-03", end: "2025-06-03" });
    expect(() => rollUpSummaries([x, y], cal)).not.toThrow();
  });

  it("lists only the summaries whose stored values are stale", () => {
    const fresh = { ...phase, start: "2025-06-02", end: "2025-06-24", progress: (5 * 100) / 16 };
    expect(rollUpChanges([fresh, a, b, m], cal)).toEqual([]);
    expect(rollUpChanges([phase, a, b, m], cal)).toEqual([
      { id: "phase", start: "2025-06-02", end: "2025-06-24", progress: (5 * 100) / 16 },
    ]);
    expect(rollUpSummaries([], cal).size).toBe(0);
  });
});
