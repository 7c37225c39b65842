import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { makeTask } from "@/lib/plan/fixtures";
import { scheduleToIcs } from "./ics";

describe("scheduleToIcs", () => {
  it("writes milestones, task due dates and deliverable due dates as all-day events that ical.js reads back", () => {
    const ics = scheduleToIcs({
      planId: "p",
      planTitle: "Launch <plan>",
      tasks: [
        makeTask({ id: "s", name: "Phase", start: "2026-03-02", end: "2026-03-31" }),
        makeTask({
          id: "a",
          name: "<img src=x onerror=alert(1)>",
          start: "2026-03-02",
          end: "2026-03-06",
          parentId: "s",
        }),
        makeTask({ id: "m", name: "Go live", start: "2026-03-29", kind: "milestone", parentId: "s" }),
        makeTask({ id: "u", name: "Undated" }),
      ],
      deliverables: [
        {
          id: "d",
          name: "Pilot",
          description: "",
          ownerId: null,
          due: "2026-04-01",
          acceptanceCriteria: "",
          status: "planned",
          order: 1,
        },
      ],
    });
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const seen = events.map((e) => [e.summary, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate]);
    expect(seen).toEqual([
      ["Due: <img src=x onerror=alert(1)>", "2026-03-06", "2026-03-07", true],
      ["Milestone: Go live", "2026-03-29", "2026-03-30", true],
      ["Deliverable due: Pilot", "2026-04-01", "2026-04-02", true],
    ]);
  });

  it("writes a valid calendar with no events", () => {
    const ics = scheduleToIcs({ planId: "p", planTitle: "Empty", tasks: [], deliverables: [] });
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
