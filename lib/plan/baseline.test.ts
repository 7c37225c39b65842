import { describe, expect, it } from "vitest";
import { captureBaseline, milestoneSlippage, slippage, summarizeSlippage, workingDaysLate } from "./baseline";
import { makeTask } from "./fixtures";
import { defaultCalendar as cal, type WorkingCalendar } from "./types";

const build = makeTask({ id: "build", start: "2025-06-02", end: "2025-06-06" });
const launch = makeTask({ id: "launch", kind: "milestone", start: "2025-06-06" });
const saved = captureBaseline(
  [build, launch, makeTask({ id: "undated" })],
  "b1",
  "Approved",
  "2025-05-30T09:00:00.000Z",
);

describe("captureBaseline", () => {
  it("copies every task's dates", () => {
    expect(saved).toEqual({
      id: "b1",
      name: "Approved",
      savedAt: "2025-05-30T09:00:00.000Z",
      tasks: [
        { id: "build", start: "2025-06-02", end: "2025-06-06" },
        { id: "launch", start: "2025-06-06", end: "2025-06-06" },
        { id: "undated", start: null, end: null },
      ],
    });
  });
});

describe("workingDaysLate", () => {
  it("counts working days, signed", () => {
    expect(workingDaysLate("2025-06-06", "2025-06-06", cal)).toBe(0);
    expect(workingDaysLate("2025-06-06", "2025-06-09", cal)).toBe(1);
    expect(workingDaysLate("2025-06-09", "2025-06-06", cal)).toBe(-1);
    expect(workingDaysLate("2025-06-06", "2025-06-07", cal)).toBe(0);
    expect(workingDaysLate("2025-06-02", "2025-06-16", cal)).toBe(10);
  });

  it("does not charge holidays or daylight-saving weekends", () => {
    const hol: WorkingCalendar = {
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: [{ date: "2025-06-09", name: "Whit Monday" }],
    };
    expect(workingDaysLate("2025-06-06", "2025-06-10", hol)).toBe(1);
    expect(workingDaysLate("2025-03-07", "2025-03-10", cal)).toBe(1);
    expect(workingDaysLate("2025-11-03", "2025-10-31", cal)).toBe(-1);
  });
});

describe("slippage", () => {
  it("reports start and end slips per task and per milestone", () => {
    const now = [
      { ...build, start: "2025-06-03", end: "2025-06-10" },
      { ...launch, start: "2025-06-10", end: "2025-06-10" },
    ];
    expect(slippage(now, saved, cal)).toEqual([
      {
        id: "build",
        milestone: false,
        baselineStart: "2025-06-02",
        baselineEnd: "2025-06-06",
        start: "2025-06-03",
        end: "2025-06-10",
        startSlip: 1,
        endSlip: 2,
      },
      {
        id: "launch",
        milestone: true,
        baselineStart: "2025-06-06",
        baselineEnd: "2025-06-06",
        start: "2025-06-10",
        end: "2025-06-10",
        startSlip: 2,
        endSlip: 2,
      },
    ]);
    expect(milestoneSlippage(now, saved, cal).map((s) => s.id)).toEqual(["launch"]);
  });

  it("skips tasks added since the baseline and tasks undated on either side", () => {
    const now = [
      build,
      makeTask({ id: "new", start: "2025-06-02", end: "2025-06-02" }),
      makeTask({ id: "undated", start: "2025-06-02", end: "2025-06-03" }),
    ];
    expect(slippage(now, saved, cal).map((s) => s.id)).toEqual(["build"]);
    expect(slippage([], saved, cal)).toEqual([]);
  });

  it("summarizes late, on time and early", () => {
    const now = [
      { ...build, end: "2025-06-05" },
      { ...launch, start: "2025-06-13", end: "2025-06-13" },
    ];
    const s = summarizeSlippage(slippage(now, saved, cal));
    expect(s).toMatchObject({ late: 1, onTime: 0, early: 1 });
    expect(s.worst?.id).toBe("launch");
    expect(s.worst?.endSlip).toBe(5);
    expect(summarizeSlippage([])).toEqual({ late: 0, onTime: 0, early: 0, worst: null });
  });
});
