import { describe, expect, it } from "vitest";
import { makeTask as task } from "./fixtures";
import { latestBaseline, milestoneReport } from "./milestones";
import { defaultCalendar as cal, type Baseline } from "./types";

// Fri 6 Jun 2025, Mon 9, Tue 10; today is Mon 9.
const launch = task({ id: "launch", name: "Launch", kind: "milestone", start: "2025-06-10", end: "2025-06-10" });
const review = task({ id: "review", name: "Review", kind: "milestone", start: "2025-06-06", end: "2025-06-06" });
const signed = task({ id: "signed", kind: "milestone", start: "2025-06-05", end: "2025-06-05", progress: 100 });
const work = task({ id: "work", start: "2025-06-02", end: "2025-06-06" });
const base = (id: string, savedAt: string, dates: Record<string, string>): Baseline => ({
  id,
  name: id,
  savedAt,
  tasks: Object.entries(dates).map(([tid, d]) => ({ id: tid, start: d, end: d })),
});

describe("milestoneReport", () => {
  it("places milestones by date with their state, undated last, work tasks left out", () => {
    const undated = task({ id: "later", name: " ", kind: "milestone" });
    const r = milestoneReport([launch, work, undated, review, signed], [], cal, "2025-06-09");
    expect(r.points.map((p) => [p.id, p.state])).toEqual([
      ["signed", "hit"],
      ["review", "missed"],
      ["launch", "upcoming"],
      ["later", "undated"],
    ]);
    expect(r.points[3]!.name).toBe("Untitled milestone");
    expect(r.baseline).toBeNull();
    expect(r.slipped).toBe(0);
  });

  it("measures slip in working days against the latest baseline", () => {
    const old = base("old", "2025-05-01T00:00:00Z", { launch: "2025-06-02" });
    const latest = base("latest", "2025-06-01T00:00:00Z", { launch: "2025-06-06", review: "2025-06-09" });
    expect(latestBaseline([latest, old])!.id).toBe("latest");
    const r = milestoneReport([launch, review], [old, latest], cal, "2025-06-09");
    // Fri 6 → Tue 10 over a weekend: 2 working days late; Mon 9 → Fri 6: 1 early.
    expect(r.points.map((p) => [p.id, p.baselineDate, p.slip])).toEqual([
      ["review", "2025-06-09", -1],
      ["launch", "2025-06-06", 2],
    ]);
    expect(r.baseline?.id).toBe("latest");
    expect(r.slipped).toBe(1);
    expect(r.worstSlip).toBe(2);
  });

  it("has nothing to compare for milestones added after the baseline", () => {
    const r = milestoneReport([launch], [base("b", "2025-06-01T00:00:00Z", {})], cal, "2025-06-09");
    expect(r.points[0]).toMatchObject({ baselineDate: null, slip: null });
  });
});
