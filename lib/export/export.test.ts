import { describe, expect, it } from "vitest";
import { demoPlanContent } from "@/db/demo-content";
import { emptyDocContent, fromPlanContent, randomUUID, type DocContent } from "@/lib/doc";
import { planSections } from "@/lib/plan/template";
import { planToMarkdown } from "./markdown";
import { buildExportModel } from "./model";
import { riskMatrixSvg } from "./risk-matrix-svg";
import { timelineSvg } from "./timeline-svg";

const TODAY = "2026-11-18";
const me = randomUUID();
const header = {
  title: "CRM migration",
  status: "active" as const,
  ownerName: "Dana Owner",
  summary: "Move every account to the new CRM.",
  workspaceName: "Ops",
};
const demo = (): DocContent => fromPlanContent(demoPlanContent(TODAY, me));
const model = (content: DocContent) =>
  buildExportModel({ plan: header, content, members: [{ id: me, name: "Dana Owner" }], today: TODAY });

/** Well-formed enough for an image: balanced tags, no raw < or & in text, one root. */
function assertWellFormedSvg(svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  const stack: string[] = [];
  const text = svg.replace(
    /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g,
    (_m, close: string, name: string, attrs: string, self: string) => {
      expect(attrs).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;|apos;)/);
      if (close) expect(stack.pop()).toBe(name);
      else if (!self) stack.push(name);
      return "";
    },
  );
  expect(stack).toEqual([]);
  expect(text).not.toMatch(/<|>|&(?!amp;|lt;|gt;|quot;|apos;)/);
}

describe("Markdown export", () => {
  it("has every section's heading and its content, in template order", () => {
    const content = demo();
    const md = planToMarkdown(model(content));
    const positions = planSections.map((s) => md.indexOf(`## ${s.title}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toMatch(/^# CRM migration\n/);
    expect(md).toContain("**Status:** Active");
    expect(md).toContain("Move every account to the new CRM.");
    for (const o of content.objectives) expect(md).toContain(o.title);
    for (const s of content.scopeItems) expect(md).toContain(s.text.replace(/\|/g, "\\|"));
    for (const d of content.deliverables) expect(md).toContain(d.name);
    for (const t of content.tasks) expect(md).toContain(t.name);
    for (const r of content.risks) expect(md).toContain(r.title);
    for (const s of content.swotItems) expect(md).toContain(s.text);
    for (const r of content.resources) expect(md).toContain(r.name);
    for (const b of content.budgetLines) expect(md).toContain(b.description);
    for (const col of content.raciColumns) if (col.name) expect(md).toContain(col.name);
    expect(md).toContain("### SWOT");
    expect(md).toContain("### Contingency plans");
    expect(md).toContain("#### Totals");
    expect(md).toContain("## Completeness");
    expect(md).toContain("**Open risk exposure:**");
    // The strategy's own first line of prose is carried over.
    expect(md).toContain(
      content.strategy
        .trim()
        .split("\n")
        .find((l) => l.trim() && !l.startsWith("#"))!
        .trim(),
    );
  });

  it("says plainly what an empty plan lacks, and keeps table rows on one line", () => {
    const content = emptyDocContent();
    content.tasks.push({
      id: randomUUID(),
      name: "Pipe | and\nnewline",
      start: "2026-11-20",
      end: "2026-11-24",
      progress: 0,
      kind: "task",
      parentId: null,
      deliverableId: null,
      assigneeId: me,
      priority: "medium",
      order: 1,
    });
    const md = planToMarkdown(model(content));
    expect(md).toContain("_No objectives yet._");
    expect(md).toContain("_No risks yet._");
    expect(md).toContain("| Pipe \\| and newline | 2026-11-20 | 2026-11-24 | 3 | Dana Owner | 0% |");
  });
});

describe("capacity in the Markdown export", () => {
  it("gives each person's availability, the budget ceiling against planned and actual, and the requests", () => {
    const md = planToMarkdown(model(demo()));
    const section = md.slice(md.indexOf("## Resources"), md.indexOf("## RACI"));
    expect(section).toContain("### Availability");
    expect(section).toContain("| Person | Role | Hours a week | Allocation | Hours a week for this plan | Away |");
    // 32 h a week at 60%, away for a day of training eight days on.
    expect(section).toContain("| Aiko Tanaka | Designer | 32 h | 60% | 19.2 h | 2026-11-26 (Training) |");
    expect(section).toContain("| Lena Vogel | Developer | 40 h | 100% | 40 h | 2026-12-09 – 2026-12-13 (Holiday) |");
    expect(section).toContain("| Dana Demo | Project manager | 40 h | 50% | 20 h | Not away |");
    // The EUR lines: 181,800 planned, 84,650 spent, against a ceiling of 190,000.
    expect(section).toContain("#### Budget ceiling");
    expect(section).toContain(
      "| 190,000.00 EUR | 181,800.00 EUR | 84,650.00 EUR | 8,200.00 EUR | Within the ceiling. |",
    );
    expect(section).toContain("### Additional resources needed");
    expect(section).toContain(
      "| Contract QA tester for four weeks | Sam is at 50% and user acceptance testing overlaps the peak season. | 12,000.00 EUR | Requested |",
    );
    expect(section).toContain(
      "| ERP consultant, two days | Only one engineer knows the ERP interface well. | 2,400.00 EUR | Approved |",
    );
    expect(section).toContain("Estimated cost of the requests not declined: 14,400.00 EUR");
    expect(section.indexOf("### Availability")).toBeLessThan(section.indexOf("### Budget\n"));
  });

  it("says when there is no ceiling or request, flags spending over it, and escapes cells", () => {
    const empty = planToMarkdown(model(emptyDocContent()));
    expect(empty).toContain("_No budget ceiling set._");
    expect(empty).toContain("_Nothing more asked for._");
    expect(empty).not.toContain("### Availability");

    const content = demo();
    content.settings.budgetCeiling = 80_000;
    content.resourceRequests = [
      { id: randomUUID(), what: "Pipe | and\nnewline", why: "", estimatedCost: 10, status: "declined", order: 1 },
    ];
    const md = planToMarkdown(model(content));
    expect(md).toContain(
      "| 80,000.00 EUR | 181,800.00 EUR | 84,650.00 EUR | -101,800.00 EUR | Spending is over the ceiling. |",
    );
    expect(md).toContain("| Pipe \\| and newline | — | 10.00 EUR | Declined |");
    expect(md).toContain("Estimated cost of the requests not declined: 0.00 EUR");
  });
});

describe("timeline picture", () => {
  it("is well-formed SVG with a bar per dated task, diamonds for milestones and dependency arrows", () => {
    const content = demo();
    const svg = timelineSvg(content.tasks, content.dependencies, TODAY);
    assertWellFormedSvg(svg);
    const dated = content.tasks.filter((t) => t.kind !== "milestone" && t.start && t.end).length;
    const milestones = content.tasks.filter((t) => t.kind === "milestone" && (t.end || t.start)).length;
    expect(dated).toBeGreaterThan(0);
    expect(svg.match(/class="bar"/g)).toHaveLength(dated);
    expect(svg.match(/class="milestone"/g)).toHaveLength(milestones);
    expect(svg.match(/class="dependency"/g)?.length).toBeGreaterThan(0);
    expect(svg).toContain("today");
  });

  it("draws summary tasks with their children's rolled-up dates", () => {
    const m = model(demo());
    const summaries = m.tasks.filter((t) => t.summary);
    expect(summaries.length).toBeGreaterThan(0);
    for (const s of summaries) expect(s.start && s.end).toBeTruthy();
    const svg = timelineSvg(m.tasks, m.content.dependencies, TODAY, m.summaryIds);
    assertWellFormedSvg(svg);
    expect(svg.match(/class="summary"/g)).toHaveLength(summaries.length);
    expect(planToMarkdown(m)).toContain(`**${summaries[0]!.name}** | ${summaries[0]!.start} | ${summaries[0]!.end}`);
  });

  it("escapes task names", () => {
    const evil = {
      id: randomUUID(),
      name: `<script>alert("x")</script> & co`,
      start: "2026-11-20",
      end: "2026-11-24",
      progress: 50,
      kind: "task" as const,
      parentId: null,
      deliverableId: null,
      assigneeId: null,
      priority: "medium" as const,
      order: 1,
    };
    const svg = timelineSvg([evil], [], TODAY);
    assertWellFormedSvg(svg);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
  });

  it("has an honest empty state", () => {
    const svg = timelineSvg([], [], TODAY);
    assertWellFormedSvg(svg);
    expect(svg).toContain("No dated tasks yet.");
  });
});

describe("risk matrix picture", () => {
  it("is a well-formed 5×5 grid with each risk's reference in its cell", () => {
    const m = model(demo());
    const svg = riskMatrixSvg(m.risks, m.content.settings.riskBands);
    assertWellFormedSvg(svg);
    expect(svg.match(/class="cell"/g)).toHaveLength(25);
    const top = m.risks[0]!;
    const cellAt = svg.indexOf(`data-likelihood="${top.likelihood}" data-impact="${top.impact}"`);
    expect(cellAt).toBeGreaterThan(0);
    const nextCell = svg.indexOf('class="cell"', cellAt);
    expect(svg.slice(cellAt, nextCell === -1 ? undefined : nextCell)).toContain(top.ref);
    // Critical cells take the critical colour.
    expect(svg).toMatch(/data-likelihood="5" data-impact="5"[^>]*fill="#fca5a5"/);
  });

  it("escapes what it prints", () => {
    const risk = { ...demo().risks[0]!, ref: `R<1>&` };
    const svg = riskMatrixSvg([risk], emptyDocContent().settings.riskBands);
    assertWellFormedSvg(svg);
    expect(svg).toContain("R&lt;1&gt;&amp;");
  });
});

describe("milestones picture", () => {
  it("draws a lane per plan and a diamond per milestone, escaping names", async () => {
    const { milestonesSvg } = await import("./milestones-svg");
    const svg = milestonesSvg(
      [
        { planId: "a", planTitle: "Plan <A>", name: "Go & live", date: "2026-11-20", progress: 0 },
        { planId: "a", planTitle: "Plan <A>", name: "Pilot", date: "2026-11-10", progress: 100 },
        { planId: "b", planTitle: "Plan B", name: "Kick-off", date: "2026-12-01", progress: 0 },
      ],
      TODAY,
    );
    assertWellFormedSvg(svg);
    expect(svg.match(/class="milestone"/g)).toHaveLength(3);
    expect(svg).toContain("Plan &lt;A&gt;");
    expect(svg).toContain("Go &amp; live");
    assertWellFormedSvg(milestonesSvg([], TODAY));
  });
});
