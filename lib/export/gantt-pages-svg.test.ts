import { describe, expect, it } from "vitest";
import { makeDep, makeTask } from "@/lib/plan/fixtures";
import { ganttPages, type GanttRow } from "./gantt-pages-svg";

const row = (t: Parameters<typeof makeTask>[0], summary = false, depth = 0): GanttRow => ({
  ...makeTask(t),
  summary,
  depth,
});

describe("ganttPages", () => {
  const tasks = [
    row({ id: "p", name: "Phase <one>", start: "2026-03-02", end: "2026-03-20" }, true),
    row({ id: "a", name: "Build", start: "2026-03-02", end: "2026-03-06", progress: 50 }, false, 1),
    row({ id: "b", name: "Test", start: "2026-03-09", end: "2026-03-20" }, false, 1),
    row({ id: "g", name: "Go-live", kind: "milestone", start: "2026-06-15" }),
    row({ id: "u", name: "Undated" }),
  ];
  const input = {
    tasks,
    dependencies: [makeDep("a", "b"), makeDep("b", "g", "SS", 2)],
    criticalIds: new Set(["a", "b"]),
    today: "2026-03-10",
  };

  it("draws bars, summaries, milestones, links, the critical path and today", () => {
    const [first] = ganttPages(input);
    const svg = first!.svg;
    expect(svg.match(/class="gantt-bar critical"/g)).toHaveLength(2);
    expect(svg).toContain('class="gantt-summary"');
    expect(svg).toContain('class="gantt-today"');
    expect(svg.match(/class="gantt-link"/g)).toHaveLength(2);
    expect(svg).toContain('stroke="#dc2626" marker-end'); // a critical link
    expect(svg).toContain("Phase &lt;one&gt;");
    expect(svg).not.toContain("Undated");
  });

  it("cuts by date range and by rows, repeating the names on every page", () => {
    const pages = ganttPages(input, { daysPerPage: 60, rowsPerPage: 3 });
    // Dates 2026-03-01 … 2026-06-16 make two windows; four dated rows make two slices.
    expect(pages.map((p) => [p.rows, p.from])).toEqual([
      [[1, 3], "2026-03-01"],
      [[1, 3], "2026-04-30"],
      [[4, 4], "2026-03-01"],
      [[4, 4], "2026-04-30"],
    ]);
    expect(pages[1]!.svg).toContain("2. Build");
    expect(pages[1]!.svg).not.toContain('class="gantt-today"');
    expect(pages[3]!.svg).toContain('class="gantt-milestone"');
    expect(pages[2]!.svg).not.toContain('class="gantt-milestone"'); // June is on the next window
    // A link whose ends are on different row slices is not drawn.
    expect(pages[3]!.svg).not.toContain('class="gantt-link"');
  });

  it("has no pages without dated tasks", () => {
    expect(ganttPages({ ...input, tasks: [row({ id: "u" })] })).toEqual([]);
  });
});
