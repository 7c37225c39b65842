/**
 * iCalendar export of a plan's schedule: milestones, deliverable due dates and the due date (last
 * day) of every dated leaf task, as all-day events. Dates are calendar dates (VALUE=DATE), so no time
 * zone can move them to another day.
 */
import { createEvents, type EventAttributes } from "ics";
import { addDays, parseISODate } from "@/lib/plan/dates";
import { summaryTaskIds } from "@/lib/plan/schedule";
import type { Deliverable, ISODate, Task } from "@/lib/plan/types";

type DateArray = [number, number, number];
const dateArray = (d: ISODate): DateArray => {
  const p = parseISODate(d)!;
  return [p.year, p.month, p.day];
};

/** One all-day event on the given date. */
function dayEvent(
  uid: string,
  title: string,
  date: ISODate,
  description: string,
  categories: string[],
): EventAttributes {
  return {
    uid,
    title,
    description,
    categories,
    start: dateArray(date),
    end: dateArray(addDays(date, 1)),
    startInputType: "utc",
    endInputType: "utc",
    productId: "planwright",
  };
}

/** The schedule as an iCalendar file (text/calendar). Throws only on a bug, never on user text. */
export function scheduleToIcs(input: {
  planId: string;
  planTitle: string;
  tasks: readonly Task[];
  deliverables: readonly Deliverable[];
}): string {
  const summaries = summaryTaskIds(input.tasks);
  const events: EventAttributes[] = [];
  for (const t of input.tasks) {
    if (!t.end || !parseISODate(t.end) || summaries.has(t.id)) continue;
    const name = t.name.trim() || "Untitled task";
    if (t.kind === "milestone")
      events.push(
        dayEvent(`milestone-${t.id}@planwright`, `Milestone: ${name}`, t.end, `Milestone of ${input.planTitle}.`, [
          "Milestone",
        ]),
      );
    else if (t.kind === "task")
      events.push(
        dayEvent(`due-${t.id}@planwright`, `Due: ${name}`, t.end, `Last day of “${name}” (${input.planTitle}).`, [
          "Task due",
        ]),
      );
  }
  for (const d of input.deliverables) {
    if (!d.due || !parseISODate(d.due)) continue;
    const name = d.name.trim() || "Untitled deliverable";
    events.push(
      dayEvent(
        `deliverable-${d.id}@planwright`,
        `Deliverable due: ${name}`,
        d.due,
        `Deliverable of ${input.planTitle}.`,
        ["Deliverable"],
      ),
    );
  }
  if (events.length === 0) return emptyCalendar(input.planTitle);
  const { error, value } = createEvents(events, { calName: input.planTitle || "Plan" });
  if (error || !value) throw error ?? new Error("The calendar could not be written.");
  return value;
}

function emptyCalendar(title: string): string {
  // ics refuses an empty list; a calendar with no events is still a valid file.
  const { value } = createEvents([dayEvent("empty@planwright", "x", "2000-01-01", "", [])], {
    calName: title || "Plan",
  });
  return value!.replace(/BEGIN:VEVENT[\s\S]*END:VEVENT\r?\n/, "");
}
