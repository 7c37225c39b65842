import { describe, expect, it } from "vitest";
import {
  addDays,
  compareDates,
  dateInTimeZone,
  diffDays,
  formatISODate,
  fromDayNumber,
  isISODate,
  maxDate,
  minDate,
  parseISODate,
  toDayNumber,
  weekday,
} from "./dates";

describe("parseISODate / isISODate", () => {
  it("reads a strict YYYY-MM-DD", () => {
    expect(parseISODate("2025-06-02")).toEqual({ year: 2025, month: 6, day: 2 });
    expect(isISODate("2024-02-29")).toBe(true);
  });

  it("refuses malformed strings and days that do not exist", () => {
    for (const bad of [
      "2025-6-2",
      "2025-06-02T00:00:00Z",
      " 2025-06-02",
      "2025-02-29",
      "2025-13-01",
      "2025-04-31",
      "2025-00-10",
      "",
      "tomorrow",
    ]) {
      expect(parseISODate(bad), bad).toBeNull();
      expect(isISODate(bad), bad).toBe(false);
    }
    expect(isISODate(20250602)).toBe(false);
    expect(isISODate(null)).toBe(false);
  });

  it("handles years before 100 without mapping them onto the 1900s", () => {
    expect(parseISODate("0050-01-01")).toEqual({ year: 50, month: 1, day: 1 });
    expect(addDays("0050-12-31", 1)).toBe("0051-01-01");
  });
});

describe("formatISODate", () => {
  it("pads and rolls over out-of-range parts", () => {
    expect(formatISODate({ year: 2025, month: 1, day: 5 })).toBe("2025-01-05");
    expect(formatISODate({ year: 2025, month: 13, day: 1 })).toBe("2026-01-01");
    expect(formatISODate({ year: 2024, month: 2, day: 30 })).toBe("2024-03-01");
  });
});

describe("day numbers", () => {
  it("counts from 1970-01-01 and round-trips", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(fromDayNumber(toDayNumber("2025-06-02"))).toBe("2025-06-02");
    for (let n = -800; n < 30_000; n += 37) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it("throws a sentence on a malformed date", () => {
    expect(() => toDayNumber("2025-02-30")).toThrow("“2025-02-30” is not a calendar date (expected YYYY-MM-DD).");
  });
});

describe("arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2025-06-02", 0)).toBe("2025-06-02");
  });

  it("never shifts a day across daylight-saving changes, whatever TZ the process runs in", () => {
    // US spring forward (9 Mar 2025), US fall back (2 Nov), NZ autumn (6 Apr), NZ spring (28 Sep).
    expect(addDays("2025-03-08", 1)).toBe("2025-03-09");
    expect(addDays("2025-03-09", 1)).toBe("2025-03-10");
    expect(addDays("2025-11-01", 2)).toBe("2025-11-03");
    expect(addDays("2025-04-05", 2)).toBe("2025-04-07");
    expect(addDays("2025-09-27", 2)).toBe("2025-09-29");
    expect(diffDays("2025-03-10", "2025-03-08")).toBe(2);
    expect(diffDays("2025-11-03", "2025-11-01")).toBe(2);
    expect(weekday("2025-03-09")).toBe(0);
    expect(weekday("2025-09-28")).toBe(0);
  });

  it("diffs and compares", () => {
    expect(diffDays("2025-06-09", "2025-06-02")).toBe(7);
    expect(diffDays("2025-06-02", "2025-06-09")).toBe(-7);
    expect(diffDays("2026-01-01", "2025-01-01")).toBe(365);
    expect(compareDates("2025-06-02", "2025-06-03")).toBeLessThan(0);
    expect(compareDates("2025-06-03", "2025-06-03")).toBe(0);
    expect(["2025-07-01", "2024-12-31", "2025-01-15"].sort(compareDates)).toEqual([
      "2024-12-31",
      "2025-01-15",
      "2025-07-01",
    ]);
  });

  it("knows the weekday", () => {
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("2025-06-02")).toBe(1);
    expect(weekday("2025-06-07")).toBe(6);
    expect(weekday("1969-12-28")).toBe(0);
  });

  it("finds the earliest and latest, ignoring gaps", () => {
    expect(minDate(["2025-06-04", null, "2025-06-02", undefined])).toBe("2025-06-02");
    expect(maxDate(["2025-06-04", null, "2025-06-02"])).toBe("2025-06-04");
    expect(minDate([])).toBeNull();
    expect(maxDate([null])).toBeNull();
  });
});

describe("dateInTimeZone", () => {
  it("gives the date the instant falls on where the user is", () => {
    const instant = new Date("2025-06-02T22:30:00Z");
    expect(dateInTimeZone(instant, "UTC")).toBe("2025-06-02");
    expect(dateInTimeZone(instant, "Pacific/Auckland")).toBe("2025-06-03");
    expect(dateInTimeZone(new Date("2025-06-02T02:00:00Z"), "America/New_York")).toBe("2025-06-01");
  });
});
