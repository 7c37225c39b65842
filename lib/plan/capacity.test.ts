import { describe, expect, it } from "vitest";
import { isoWeek, planWorkload, weeklyLoad, weekStartOf, type Assignment } from "./capacity";
import { makeTask } from "./fixtures";
import { defaultCalendar, type Resource } from "./types";

const week = (start: string, end: string, allocation = 100, calendar = defaultCalendar): Assignment => ({
  start,
  end,
  allocation,
  calendar,
});

const person = (fields: Partial<Resource> = {}): Resource => ({
  id: "r1",
  kind: "person",
  name: "Lena",
  role: "Developer",
  userId: null,
  allocation: 100,
  notes: "",
  order: 0,
  capacityHoursPerWeek: 40,
  absences: [],
  ...fields,
});

describe("ISO weeks", () => {
  it("starts weeks on Monday and names them by the year of their Thursday", () => {
    expect(weekStartOf("2026-12-06")).toBe("2026-11-30"); // a Sunday
    expect(weekStartOf("2026-11-30")).toBe("2026-11-30");
    expect(isoWeek("2026-12-31")).toBe("2026-W53");
    expect(isoWeek("2027-01-03")).toBe("2026-W53");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
  });
});

describe("weeklyLoad", () => {
  it("spreads a task over the working days of each week it touches", () => {
    // Thursday 2026-12-03 to Tuesday 2026-12-08: 2 days, then 2 days.
    const weeks = weeklyLoad([week("2026-12-03", "2026-12-08")], 40);
    expect(weeks.map((w) => [w.week, w.hours, w.capacity])).toEqual([
      ["2026-W49", 16, 40],
      ["2026-W50", 16, 40],
    ]);
    expect(weeks.every((w) => !w.overAllocated)).toBe(true);
  });

  it("counts a partial week and weekends as nothing", () => {
    const [only] = weeklyLoad([week("2026-12-04", "2026-12-06")], 40); // Friday to Sunday
    expect(only).toMatchObject({ weekStart: "2026-11-30", hours: 8, capacity: 40 });
  });

  it("takes the plan's holidays and the person's absences off", () => {
    const calendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: [{ date: "2026-12-25", name: "Christmas" }] };
    const [w] = weeklyLoad([week("2026-12-21", "2026-12-25", 100, calendar)], 40, [
      { start: "2026-12-21", end: "2026-12-21", note: "Dentist" },
    ]);
    expect(w).toMatchObject({ hours: 24, capacity: 24, overAllocated: false });
  });

  it("applies the allocation and flags a week with more hours than the person has", () => {
    const weeks = weeklyLoad([week("2026-12-07", "2026-12-11"), week("2026-12-07", "2026-12-08", 50)], 40);
    expect(weeks[0]).toMatchObject({ hours: 48, capacity: 40, overAllocated: true });
  });

  it("uses the calendar's working days for the daily hours", () => {
    const fourDays = { workingWeekdays: [1, 2, 3, 4], holidays: [] };
    const [w] = weeklyLoad([week("2026-12-07", "2026-12-13", 100, fourDays)], 40);
    expect(w).toMatchObject({ hours: 40, capacity: 40 });
  });

  it("is empty without dated work", () => {
    expect(weeklyLoad([], 40)).toEqual([]);
  });
});

describe("planWorkload", () => {
  it("loads each person with their tasks, skipping milestones and summary tasks", () => {
    const tasks = [
      makeTask({ id: "sum", start: "2026-12-07", end: "2026-12-11", assigneeId: "r1" }),
      makeTask({ id: "a", parentId: "sum", start: "2026-12-07", end: "2026-12-08", assigneeId: "r1" }),
      makeTask({ id: "m", kind: "milestone", start: "2026-12-09", assigneeId: "r1" }),
      makeTask({ id: "b", start: "2026-12-07", end: "2026-12-11", assigneeId: "u1" }),
    ];
    const [lena, ana] = planWorkload(
      [person({ allocation: 50 }), person({ id: "r2", name: "Ana", userId: "u1", capacityHoursPerWeek: 20 })],
      tasks,
      defaultCalendar,
    );
    expect(lena!.weeks).toMatchObject([{ hours: 8, capacity: 40 }]);
    expect(ana!.weeks).toMatchObject([{ hours: 20, capacity: 20, overAllocated: false }]);
  });
});
