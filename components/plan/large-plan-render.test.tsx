/**
 * The server's first paint of a large plan's long lists: only the first rows of the RACI grid, the
 * risk register and the contingency plans, with a note saying how many are shown; a small plan is
 * drawn whole, without a note.
 */
import { randomUUID } from "node:crypto";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PlanDataProvider } from "@/components/collab/plan-data";
import { RaciSection } from "@/components/raci/section";
import { RisksSection } from "@/components/risks/section";
import { FIRST_ROWS } from "@/components/grid/row-window";
import { blankRow, insertRow, readDocContent, setRaciCell, type DocContent } from "@/lib/doc";

const pad = (i: number) => String(i).padStart(4, "0");

function plan(tasks: number, risks: number): DocContent {
  const doc = new Y.Doc();
  const must = (r: { ok: boolean; problems?: unknown }) => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  };
  const taskIds: string[] = [];
  for (let i = 0; i < tasks; i++) {
    const id = randomUUID();
    taskIds.push(id);
    must(insertRow(doc, "tasks", { ...blankRow("tasks", id), name: `Task #${pad(i + 1)}`, order: i }));
  }
  const columns: string[] = [];
  for (let c = 0; c < 3; c++) {
    const id = randomUUID();
    columns.push(id);
    must(insertRow(doc, "raciColumns", { id, kind: "role", userId: null, name: `Role ${c + 1}`, order: c }));
  }
  for (const t of taskIds) for (let c = 0; c < 3; c++) must(setRaciCell(doc, t, columns[c]!, c === 0 ? "A" : "R"));
  for (let i = 0; i < risks; i++) {
    must(
      insertRow(doc, "risks", {
        ...blankRow("risks", randomUUID()),
        title: `Risk #${pad(i + 1)}`,
        contingency: `Fallback #${pad(i + 1)}`,
      }),
    );
  }
  return readDocContent(doc).content;
}

function render(content: DocContent, section: "raci" | "risks") {
  return renderToString(
    <PlanDataProvider planId={randomUUID()} initial={content} members={[]} today="2027-01-01" canEdit={false}>
      {section === "raci" ? <RaciSection /> : <RisksSection />}
    </PlanDataProvider>,
  );
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe("large plans on the server", () => {
  const big = plan(120, 80);

  it("draws the first rows of the RACI grid, with short cell addresses, and says how many", () => {
    const html = render(big, "raci");
    expect(count(html, /data-cell="/g)).toBe(FIRST_ROWS * 3);
    expect(html).toContain(`data-cell="${FIRST_ROWS - 1}:2"`);
    expect(html).not.toContain(`data-cell="${FIRST_ROWS}:0"`);
    expect(html).toContain(`Task #${pad(FIRST_ROWS)}`);
    expect(html).not.toContain(`Task #${pad(FIRST_ROWS + 1)}`);
    expect(html).toContain(`Showing the first ${FIRST_ROWS} of 120 rows`);
    // One class per cell, not the utility list.
    expect(html).not.toContain("focus:ring-indigo-500");
  });

  it("draws the first risks of the register and of the contingency plans, and says how many", () => {
    const html = render(big, "risks");
    // Register rows (one title cell each) and contingency plans, each the first FIRST_ROWS of 80.
    expect(count(html, /data-cell="\d+:0"/g)).toBe(FIRST_ROWS);
    expect(html).not.toContain(`data-cell="${FIRST_ROWS}:0"`);
    expect(count(html, /<dt /g)).toBe(FIRST_ROWS);
    expect(count(html, /Fallback #\d{4}/g)).toBe(FIRST_ROWS * 2); // register cell and contingency plan
    expect(html).toContain(`Showing the first ${FIRST_ROWS} of 80 risks`);
    expect(html).toContain(`Showing the first ${FIRST_ROWS} of 80 contingency plans`);
  });

  it("draws a small plan whole, without a note", () => {
    const small = plan(12, 7);
    const raci = render(small, "raci");
    expect(count(raci, /data-cell="/g)).toBe(36);
    expect(raci).not.toContain("Showing the first");
    const risks = render(small, "risks");
    expect(count(risks, /Fallback #\d{4}/g)).toBe(14);
    expect(risks).not.toContain("Showing the first");
  });
});
