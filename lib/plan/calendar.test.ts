import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  holidayName,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBetween,
} from "./calendar";
import { addDays } from "./dates";
import { defaultCalendar, type WorkingCalendar } from "./types";

// Week of Monday 2 June 2025: Mon 2 … Fri 6, Sat 7, Sun 8, Mon 9.
const weekdays = defaultCalendar;
const withHolidays: WorkingCalendar = {
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [
    { date: "2025-06-04", name: "Team day off" }, // Wednesday
    { date: "2025-06-07", name: "Saturday fair" }, // Saturday: changes nothing
    { date: "2025-06-09", name: "Whit Monday" },
  ],
};
const sundayToThursday: WorkingCalendar = { workingWeekdays: [0, 1, 2, 3, 4], holidays: [] };
const everyDay: WorkingCalendar = { workingWeekdays: [0, 1, 2, 3, 4, 5, 6], holidays: [] };

describe("isWorkingDay", () => {
  it("follows the weekdays and the holidays", () => {
    expect(isWorkingDay("2025-06-02", weekdays)).toBe(true);
    expect(isWorkingDay("2025-06-07", weekdays)).toBe(false);
    expect(isWorkingDay("2025-06-08", weekdays)).toBe(false);
    expect(isWorkingDay("2025-06-04", withHolidays)).toBe(false);
    expect(isWorkingDay("2025-06-05", withHolidays)).toBe(true);
    expect(isWorkingDay("2025-06-08", sundayToThursday)).toBe(true);
    expect(isWorkingDay("2025-06-06", sundayToThursday)).toBe(false);
  });
});

describe("workingDaysBetween (a task's duration, both ends included)", () => {
  it("counts a single day as 1 and a working week as 5", () => {
    expect(workingDaysBetween("2025-06-02", "2025-06-02", weekdays)).toBe(1);
    expect(workingDaysBetween("2025-06-02", "2025-06-06", weekdays)).toBe(5);
    expect(workingDaysBetween("2025-06-02", "2025-06-08", weekdays)).toBe(5);
    expect(workingDaysBetween("2025-06-06", "2025-06-09", weekdays)).toBe(2);
  });

  it("is 0 for a weekend and for an end before the start", () => {
    expect(workingDaysBetween("2025-06-07", "2025-06-08", weekdays)).toBe(0);
    expect(workingDaysBetween("2025-06-06", "2025-06-02", weekdays)).toBe(0);
  });

  it("drops holidays on working days, and ignores holidays on weekends", () => {
    expect(workingDaysBetween("2025-06-02", "2025-06-06", withHolidays)).toBe(4);
    expect(workingDaysBetween("2025-06-02", "2025-06-09", withHolidays)).toBe(4);
    expect(workingDaysBetween("2025-06-02", "2025-06-10", withHolidays)).toBe(5);
  });

  it("agrees with a day-by-day count over long ranges", () => {
    const cal: WorkingCalendar = {
      workingWeekdays: [1, 2, 4, 5],
      holidays: [
        { date: "2025-12-25", name: "Christmas" },
        { date: "2026-01-01", name: "New Year" },
      ],
    };
    let count = 0;
    let d = "2025-06-02";
    for (let i = 0; i < 400; i++) {
      if (isWorkingDay(d, cal)) count++;
      expect(workingDaysBetween("2025-06-02", d, cal)).toBe(count);
      d = addDays(d, 1);
    }
  });

  it("does not lose or gain a day over daylight-saving weekends", () => {
    // US clocks change on Sun 9 Mar and Sun 2 Nov 2025; NZ on Sun 6 Apr and Sun 28 Sep.
    expect(workingDaysBetween("2025-03-07", "2025-03-10", weekdays)).toBe(2);
    expect(workingDaysBetween("2025-10-31", "2025-11-03", weekdays)).toBe(2);
    expect(workingDaysBetween("2025-04-04", "2025-04-07", weekdays)).toBe(2);
    expect(workingDaysBetween("2025-09-26", "2025-09-29", weekdays)).toBe(2);
  });
});

describe("addWorkingDays", () => {
  it("moves forward over weekends", () => {
    expect(addWorkingDays("2025-06-02", 1, weekdays)).toBe("2025-06-03");
    expect(addWorkingDays("2025-06-06", 1, weekdays)).toBe("2025-06-09");
    expect(addWorkingDays("2025-06-07", 1, weekdays)).toBe("2025-06-09");
    expect(addWorkingDays("2025-06-02", 5, weekdays)).toBe("2025-06-09");
    expect(addWorkingDays("2025-06-02", 0, weekdays)).toBe("2025-06-02");
    expect(addWorkingDays("2025-06-07", 0, weekdays)).toBe("2025-06-07");
  });

  it("moves backward for negative counts", () => {
    expect(addWorkingDays("2025-06-09", -1, weekdays)).toBe("2025-06-06");
    expect(addWorkingDays("2025-06-08", -1, weekdays)).toBe("2025-06-06");
    expect(addWorkingDays("2025-06-09", -5, weekdays)).toBe("2025-06-02");
  });

  it("skips holidays both ways", () => {
    expect(addWorkingDays("2025-06-03", 1, withHolidays)).toBe("2025-06-05");
    expect(addWorkingDays("2025-06-06", 1, withHolidays)).toBe("2025-06-10");
    expect(addWorkingDays("2025-06-10", -1, withHolidays)).toBe("2025-06-06");
    expect(addWorkingDays("2025-06-05", -1, withHolidays)).toBe("2025-06-03");
  });

  it("crosses daylight-saving weekends one working day at a time", () => {
    expect(addWorkingDays("2025-03-07", 1, weekdays)).toBe("2025-03-10");
    expect(addWorkingDays("2025-11-03", -1, weekdays)).toBe("2025-10-31");
    expect(addWorkingDays("2025-04-04", 1, weekdays)).toBe("2025-04-07");
    expect(addWorkingDays("2025-09-29", -1, weekdays)).toBe("2025-09-26");
  });

  it("is the inverse of workingDaysBetween over long spans, with holidays", () => {
    const cal: WorkingCalendar = {
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: Array.from({ length: 30 }, (_, i) => ({ date: addDays("2025-06-02", i * 11), name: `H${i}` })),
    };
    for (const n of [1, 4, 5, 6, 13, 50, 137, 260]) {
      const later = addWorkingDays("2025-06-02", n, cal);
      expect(isWorkingDay(later, cal)).toBe(true);
      expect(workingDaysBetween("2025-06-03", later, cal)).toBe(n);
      const earlier = addWorkingDays("2025-06-02", -n, cal);
      expect(isWorkingDay(earlier, cal)).toBe(true);
      expect(workingDaysBetween(earlier, "2025-06-01", cal)).toBe(n);
    }
  });

  it("agrees with a day-by-day walk, with a shutdown of several weeks and short working weeks", () => {
    const shutdown = Array.from({ length: 24 }, (_, i) => ({ date: addDays("2025-12-15", i), name: "Shutdown" }));
    const scattered = Array.from({ length: 40 }, (_, i) => ({ date: addDays("2025-01-06", i * 9), name: `H${i}` }));
    const walk = (from: string, n: number, cal: WorkingCalendar) => {
      let d = from;
      for (let left = Math.abs(n); left > 0;) {
        d = addDays(d, Math.sign(n));
        if (isWorkingDay(d, cal)) left--;
      }
      return d;
    };
    for (const workingWeekdays of [[1, 2, 3, 4, 5], [3], [0, 1, 2, 3, 4, 5]]) {
      const cal: WorkingCalendar = { workingWeekdays, holidays: [...shutdown, ...scattered] };
      for (const from of ["2025-03-03", "2025-11-28", "2025-12-20", "2026-01-10"])
        for (const n of [-400, -61, -7, -6, -2, 2, 6, 7, 8, 23, 61, 400])
          expect(addWorkingDays(from, n, cal), `${from} ${n} ${workingWeekdays}`).toBe(walk(from, n, cal));
    }
  });

  it("works for other working weeks", () => {
    expect(addWorkingDays("2025-06-05", 1, sundayToThursday)).toBe("2025-06-08");
    expect(addWorkingDays("2025-06-06", 1, everyDay)).toBe("2025-06-07");
  });

  it("refuses a calendar with no working day and fractional counts", () => {
    expect(() => addWorkingDays("2025-06-02", 1, { workingWeekdays: [], holidays: [] })).toThrow("no working day");
    expect(() => addWorkingDays("2025-06-02", 1.5, weekdays)).toThrow("whole number");
  });
});

describe("next / nearest working day", () => {
  it("finds the next one strictly after, and snaps either way", () => {
    expect(nextWorkingDay("2025-06-06", weekdays)).toBe("2025-06-09");
    expect(nextWorkingDay("2025-06-03", withHolidays)).toBe("2025-06-05");
    expect(workingDayOnOrAfter("2025-06-02", weekdays)).toBe("2025-06-02");
    expect(workingDayOnOrAfter("2025-06-07", withHolidays)).toBe("2025-06-10");
    expect(workingDayOnOrBefore("2025-06-09", withHolidays)).toBe("2025-06-06");
  });

  it("names holidays", () => {
    expect(holidayName("2025-06-04", withHolidays)).toBe("Team day off");
    expect(holidayName("2025-06-05", withHolidays)).toBeNull();
  });
});
