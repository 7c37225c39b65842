import { describe, expect, it } from "vitest";
import { dateInTimeZone } from "./dates";
import { endOfWeek, groupMyTasks, myTaskGroup } from "./my-tasks";

const WEDNESDAY = "2026-11-18";
const t = (name: string, end: string | null, progress = 0) => ({ name, end, progress });
const names = (groups: ReturnType<typeof groupMyTasks<ReturnType<typeof t>>>) =>
  groups.map((g) => [g.id, g.rows.map((r) => r.name)]);

describe("my tasks", () => {
  it("ends the week on Sunday, and a Sunday's week on that day", () => {
    expect(endOfWeek(WEDNESDAY)).toBe("2026-11-22");
    expect(endOfWeek("2026-11-22")).toBe("2026-11-22");
    expect(endOfWeek("2026-11-23")).toBe("2026-11-29");
  });

  it("puts overdue first, then this week, then later, each by due date; done is hidden by default", () => {
    const tasks = [
      t("later", "2026-11-23"),
      t("undated", null),
      t("sunday", "2026-11-22"),
      t("today", WEDNESDAY),
      t("long overdue", "2026-10-01"),
      t("yesterday", "2026-11-17"),
      t("finished late", "2026-11-01", 100),
    ];
    expect(names(groupMyTasks(tasks, WEDNESDAY))).toEqual([
      ["overdue", ["long overdue", "yesterday"]],
      ["this_week", ["today", "sunday"]],
      ["later", ["later", "undated"]],
    ]);
    expect(names(groupMyTasks(tasks, WEDNESDAY, { showDone: true })).at(-1)).toEqual(["done", ["finished late"]]);
  });

  it("keeps empty groups so each can say so", () => {
    expect(names(groupMyTasks([], WEDNESDAY))).toEqual([
      ["overdue", []],
      ["this_week", []],
      ["later", []],
    ]);
  });

  it("reads the week where the reader is: the same instant is Sunday in one zone and Monday in another", () => {
    const instant = new Date("2026-11-22T20:00:00Z");
    const dueSunday = t("due Sunday", "2026-11-22");
    const inLosAngeles = dateInTimeZone(instant, "America/Los_Angeles");
    const inAuckland = dateInTimeZone(instant, "Pacific/Auckland");
    expect([inLosAngeles, inAuckland]).toEqual(["2026-11-22", "2026-11-23"]);
    expect(myTaskGroup(dueSunday, inLosAngeles)).toBe("this_week");
    expect(myTaskGroup(dueSunday, inAuckland)).toBe("overdue");
    expect(myTaskGroup(t("due next Sunday", "2026-11-29"), inAuckland)).toBe("this_week");
    expect(myTaskGroup(t("due next Sunday", "2026-11-29"), inLosAngeles)).toBe("later");
  });
});
