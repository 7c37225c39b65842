import { describe, expect, it } from "vitest";
import { makeTask as task } from "./fixtures";
import {
  deliverableProgress,
  deliverablesProgress,
  kpiProgress,
  milestoneStatus,
  overdueTasks,
  planPercentComplete,
  weightedProgress,
} from "./progress";
import { defaultCalendar as cal, type Deliverable } from "./types";

// Mon 2 Jun 2025 … Fri 6 (5 working days); Mon 9 … Fri 20 (10 working days).
const a = task({ id: "a", start: "2025-06-02", end: "2025-06-06", progress: 100, deliverableId: "d1" });
const b = task({ id: "b", start: "2025-06-09", end: "2025-06-20", progress: 40, deliverableId: "d1" });
const c = task({ id: "c", start: "2025-06-09", end: "2025-06-13", progress: 0, deliverableId: "d2" });

describe("planPercentComplete", () => {
  it("weights progress by working days", () => {
    // (5×100 + 10×40 + 5×0) / 20
    expect(planPercentComplete([a, b, c], cal)).toBe(45);
  });

  it("counts leaf tasks only, not the summaries above them", () => {
    const phase = task({ id: "phase", start: "2025-06-02", end: "2025-06-20", progress: 0 });
    expect(planPercentComplete([phase, { ...a, parentId: "phase" }, { ...b, parentId: "phase" }], cal)).toBeCloseTo(
      (500 + 400) / 15,
      10,
    );
  });

  it("is 0 for an empty plan and a plain average when nothing has working days", () => {
    expect(planPercentComplete([], cal)).toBe(0);
    const m1 = task({ id: "m1", kind: "milestone", start: "2025-06-06", progress: 100 });
    const m2 = task({ id: "m2", kind: "milestone", start: "2025-06-13", progress: 0 });
    expect(planPercentComplete([m1, m2], cal)).toBe(50);
    expect(planPercentComplete([a], cal)).toBe(100);
    expect(weightedProgress([], cal)).toBeNull();
  });

  it("clamps stray progress values instead of letting them skew the plan", () => {
    expect(
      planPercentComplete(
        [
          { ...a, progress: 250 },
          { ...c, progress: -10 },
        ],
        cal,
      ),
    ).toBe(50);
  });
});

describe("deliverableProgress", () => {
  it("rolls up from the tasks that produce it", () => {
    // (5×100 + 10×40) / 15 = 60
    expect(deliverableProgress("d1", [a, b, c], cal)).toBe(60);
    expect(deliverableProgress("d2", [a, b, c], cal)).toBe(0);
    expect(deliverableProgress("d3", [a, b, c], cal)).toBeNull();
  });

  it("counts the children of a linked summary task", () => {
    const phase = task({ id: "phase", deliverableId: "d9" });
    const kids = [
      { ...a, parentId: "phase", deliverableId: null },
      { ...b, parentId: "phase", deliverableId: null },
    ];
    expect(deliverableProgress("d9", [phase, ...kids], cal)).toBe(60);
  });

  it("maps every deliverable", () => {
    const d = (id: string): Deliverable => ({
      id,
      name: id,
      description: "",
      ownerId: null,
      due: null,
      acceptanceCriteria: "",
      status: "planned",
      order: 0,
    });
    expect(deliverablesProgress([d("d1"), d("d3")], [a, b, c], cal)).toEqual(
      new Map([
        ["d1", 60],
        ["d3", null],
      ]),
    );
  });
});

describe("milestones and overdue work", () => {
  const done = task({ id: "done", kind: "milestone", start: "2025-06-02", progress: 100 });
  const missed = task({ id: "missed", kind: "milestone", start: "2025-06-05" });
  const today = task({ id: "today", kind: "milestone", start: "2025-06-10" });
  const later = task({ id: "later", kind: "milestone", start: "2025-07-01" });
  const undated = task({ id: "undated", kind: "milestone" });

  it("sorts milestones into hit, missed, upcoming and unscheduled", () => {
    const s = milestoneStatus([later, done, today, missed, undated, a], "2025-06-10");
    expect(s.hit.map((t) => t.id)).toEqual(["done"]);
    expect(s.missed.map((t) => t.id)).toEqual(["missed"]);
    expect(s.upcoming.map((t) => t.id)).toEqual(["today", "later"]);
    expect(s.unscheduled.map((t) => t.id)).toEqual(["undated"]);
    expect(milestoneStatus([], "2025-06-10")).toEqual({ hit: [], missed: [], upcoming: [], unscheduled: [] });
  });

  it("lists unfinished tasks past their end, most overdue first", () => {
    const tasks = [b, c, a, missed, task({ id: "old", start: "2025-05-01", end: "2025-05-02", progress: 90 })];
    expect(overdueTasks(tasks, "2025-06-16").map((t) => t.id)).toEqual(["old", "c"]);
    expect(overdueTasks(tasks, "2025-06-13").map((t) => t.id)).toEqual(["old"]);
  });
});

describe("kpiProgress", () => {
  it("measures the way from baseline to target, either direction", () => {
    expect(kpiProgress({ baseline: 10, target: 20, current: 15 })).toBe(50);
    expect(kpiProgress({ baseline: 100, target: 60, current: 90 })).toBe(25);
    expect(kpiProgress({ baseline: 10, target: 20, current: 30 })).toBe(100);
    expect(kpiProgress({ baseline: 10, target: 20, current: 5 })).toBe(0);
  });

  it("is null without the numbers to compare", () => {
    expect(kpiProgress({ baseline: null, target: 20, current: 15 })).toBeNull();
    expect(kpiProgress({ baseline: 10, target: 10, current: 15 })).toBeNull();
  });
});
