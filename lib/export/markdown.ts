/**
 * The whole plan as one Markdown document, sections in the template's order. Pure: takes the
 * assembled model, returns text. Table cells are flattened to one line with pipes escaped.
 */
import { linkTargets, researchKindLabels, resolveLinks } from "@/lib/plan/research";
import { byQuadrant, frequencyLabels, quadrantLabel, quadrantOf } from "@/lib/plan/stakeholders";
import { planSections, type PlanSectionId } from "@/lib/plan/template";
import { availabilityTable, ceilingBasis, ceilingTable, requestsTable, requestsTotal } from "./capacity-tables";
import {
  deliverableStatusLabels,
  money,
  resourceKindLabels,
  riskStatusLabels,
  scopeHeadings,
  swotHeadings,
  varianceText,
  type ExportModel,
} from "./model";

const cell = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === ""
    ? "—"
    : String(v).replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim() || "—";

function table(head: string[], rows: (string | number | null | undefined)[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

const list = (items: string[]) => items.map((i) => `- ${i.replace(/\r?\n/g, " ")}`).join("\n");
const none = (what: string) => `_No ${what} yet._`;
const title = (id: PlanSectionId) => planSections.find((s) => s.id === id)!.title;
const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${Math.round(n)}%`);
const num = (n: number | null) => (n === null ? "—" : String(n));

type Push = (...parts: string[]) => void;

/**
 * Each section's body under its heading. Keyed by the template's section ids, so a section added to the
 * template does not compile until it is written here too; the order is the template's.
 */
const sectionWriters: { [K in PlanSectionId]: (m: ExportModel, push: Push) => void } = {
  objectives: (m, push) => {
    const c = m.content;
    if (c.objectives.length === 0) push(none("objectives"));
    c.objectives.forEach((o, i) => {
      push(`### ${i + 1}. ${o.title || "Untitled objective"}`);
      if (o.description.trim()) push(o.description.trim());
      const k = o.kpi;
      push(
        table(
          ["KPI", "Baseline", "Target", "Current", "Unit", "Due", "Progress"],
          [[k.metric, num(k.baseline), num(k.target), num(k.current), k.unit, k.due, pct(m.kpiProgress.get(o.id))]],
        ),
      );
    });
  },
  scope: (m, push) => {
    const c = m.content;
    for (const [kind, heading] of scopeHeadings) {
      const items = c.scopeItems.filter((s) => s.kind === kind).map((s) => s.text);
      push(`### ${heading}`, items.length ? list(items) : none(heading.toLowerCase()));
    }
    if (c.scopeText.trim()) push(`### Notes`, c.scopeText.trim());
  },
  deliverables: (m, push) => {
    const c = m.content;
    push(
      c.deliverables.length === 0
        ? none("deliverables")
        : table(
            ["Deliverable", "Owner", "Due", "Status", "Progress", "Acceptance criteria"],
            c.deliverables.map((d) => [
              d.name,
              m.nameOf(d.ownerId),
              d.due,
              deliverableStatusLabels[d.status] ?? d.status,
              pct(m.deliverableProgress.get(d.id)),
              d.acceptanceCriteria,
            ]),
          ),
    );
  },
  stakeholders: (m, push) => {
    const c = m.content;
    if (c.stakeholders.length === 0) return push(none("stakeholders"));
    push(
      table(
        [
          "Stakeholder",
          "Organisation / role",
          "Interest",
          "Influence",
          "Quadrant",
          "Receives",
          "Channel",
          "Frequency",
          "Informed by",
        ],
        c.stakeholders.map((s) => [
          s.name,
          s.role,
          s.interest,
          s.influence,
          quadrantLabel(quadrantOf(s)),
          s.deliverableIds.map(m.deliverableName).filter(Boolean).join(", "),
          s.channel,
          s.frequency ? frequencyLabels[s.frequency] : "",
          m.nameOf(s.ownerId),
        ]),
      ),
    );
    push(`### Power/interest grid`);
    push(list(byQuadrant(c.stakeholders).map((q) => `**${q.label}:** ${q.rows.map((s) => s.name).join(", ") || "—"}`)));
  },
  // Findings are Markdown; their headings are pushed below the entry's.
  research: (m, push) => {
    const c = m.content;
    if (c.researchEntries.length === 0) return push(none("research recorded"));
    const targets = linkTargets(c);
    for (const r of c.researchEntries) {
      push(`### ${r.title || "Untitled research"}`);
      push(
        list([
          `**Kind:** ${researchKindLabels[r.kind]}`,
          `**Date:** ${r.date ?? "—"}`,
          `**Participants:** ${r.participants.trim() || "—"}`,
          `**Informs:** ${
            resolveLinks(r.linkedIds, targets)
              .map((t) => `${t.kind} “${t.label}”`)
              .join(", ") || "—"
          }`,
        ]),
      );
      push(r.findings.trim() ? r.findings.trim().replace(/^(#{1,3}) /gm, "###$1 ") : none("findings recorded"));
    }
  },
  // The strategy is Markdown already; headings inside it are pushed down so they nest under this one.
  strategy: (m, push) => {
    const c = m.content;
    push(c.strategy.trim() ? c.strategy.trim().replace(/^(#{1,4}) /gm, "##$1 ") : none("strategy written"));
  },
  schedule: (m, push) => {
    push(
      m.tasks.length === 0
        ? none("tasks")
        : table(
            [
              "WBS",
              "Task",
              "Start",
              "End",
              "Duration (working days)",
              "Assignee",
              "Progress",
              "Milestone",
              "Predecessors",
              "Deliverable",
            ],
            m.tasks.map((t) => [
              t.wbs,
              `${"— ".repeat(t.depth)}${t.summary ? `**${t.name || "Untitled task"}**` : t.name || "Untitled task"}`,
              t.start,
              t.end,
              t.kind === "milestone" ? "—" : m.durations.get(t.id),
              m.nameOf(t.assigneeId),
              `${t.progress}%`,
              t.kind === "milestone" ? "Yes" : "",
              (m.predecessors.get(t.id) ?? []).join(", "),
              m.deliverableName(t.deliverableId),
            ]),
          ),
    );
  },
  risks: (m, push) => {
    const c = m.content;
    push(
      m.risks.length === 0
        ? none("risks")
        : table(
            [
              "Ref",
              "Risk",
              "Category",
              "Owner",
              "Likelihood",
              "Impact",
              "Score",
              "Band",
              "Status",
              "Mitigation",
              "Review",
            ],
            m.risks.map((r) => [
              r.ref,
              r.title,
              r.category,
              m.nameOf(r.ownerId),
              r.likelihood,
              r.impact,
              r.score,
              r.band?.label,
              riskStatusLabels[r.status],
              r.mitigation,
              r.reviewDate,
            ]),
          ),
    );
    push(`### SWOT`);
    for (const [q, heading] of swotHeadings) {
      const items = c.swotItems.filter((s) => s.quadrant === q).map((s) => s.text);
      push(`#### ${heading}`, items.length ? list(items) : none(heading.toLowerCase()));
    }
    push(`### Contingency plans`);
    const contingencies = m.risks.filter((r) => r.contingency.trim() || r.trigger.trim());
    push(
      contingencies.length === 0
        ? none("contingency plans")
        : list(
            contingencies.map(
              (r) =>
                `**${r.ref} ${r.title}** — trigger: ${r.trigger.trim() || "—"}; response: ${r.contingency.trim() || "—"}`,
            ),
          ),
    );
  },
  resources: (m, push) => {
    const c = m.content;
    for (const [kind, heading] of Object.entries(resourceKindLabels)) {
      const rs = c.resources.filter((r) => r.kind === kind);
      if (rs.length === 0) continue;
      push(
        `### ${heading}`,
        table(
          ["Name", "Role", "Allocation", "Notes"],
          rs.map((r) => [r.name, r.role, `${r.allocation}%`, r.notes]),
        ),
      );
    }
    if (c.resources.length === 0) push(none("resources"));
    const cap = m.capacity;
    if (cap.people.length) {
      const t = availabilityTable(cap);
      push(`### Availability`, table(t.head, t.rows));
    }
    push(`### Budget`);
    if (c.budgetLines.length === 0) push(none("budget lines"));
    else {
      push(
        table(
          ["Category", "Description", "Planned", "Actual", "Variance"],
          c.budgetLines.map((b) => [
            b.category,
            b.description,
            money(b.planned, b.currency),
            money(b.actual, b.currency),
            varianceText(b.planned, b.actual, b.currency),
          ]),
        ),
      );
      push(
        `#### Totals`,
        table(
          ["Currency", "Planned", "Actual", "Variance"],
          m.budget.totals.map((t) => [
            t.currency,
            money(t.planned, t.currency),
            money(t.actual, t.currency),
            varianceText(t.planned, t.actual, t.currency),
          ]),
        ),
      );
    }
    push(`#### Budget ceiling`);
    const ceiling = cap.ceiling;
    if (ceiling) {
      const t = ceilingTable(ceiling);
      push(table(t.head, t.rows), ceilingBasis(ceiling));
    } else push("_No budget ceiling set._");
    push(`### Additional resources needed`);
    if (cap.requests.length) {
      const t = requestsTable(cap);
      push(table(t.head, t.rows), requestsTotal(cap));
    } else push("_Nothing more asked for._");
  },
  raci: (m, push) => {
    const c = m.content;
    if (m.raci.rows.length === 0 || c.raciColumns.length === 0) push(none("RACI assignments"));
    else {
      const letter = new Map(c.raciCells.map((x) => [`${x.rowId}:${x.columnId}`, x.value]));
      push(
        table(
          ["Task / deliverable", ...c.raciColumns.map((col) => cell(col.name || m.nameOf(col.userId)))],
          m.raci.rows.map((r) => [
            r.name || "Untitled",
            ...c.raciColumns.map((col) => letter.get(`${r.id}:${col.id}`) ?? ""),
          ]),
        ),
      );
    }
  },
  metrics: (m, push) => {
    const ms = m.metrics.milestones;
    push(
      list([
        `**Complete (duration-weighted):** ${m.metrics.percentComplete}%`,
        `**Milestones:** ${ms.hit.length} hit, ${ms.missed.length} missed, ${ms.upcoming.length} upcoming`,
        `**Overdue tasks:** ${m.metrics.overdue.length}`,
        `**Open risk exposure:** ${m.metrics.exposure}`,
        `**Budget variance:** ${m.budget.totals.length ? m.budget.totals.map((t) => varianceText(t.planned, t.actual, t.currency)).join("; ") : "—"}`,
        `**RACI gaps:** ${m.raci.gaps}`,
      ]),
    );
  },
};

export function planToMarkdown(m: ExportModel): string {
  const out: string[] = [];
  const push = (...parts: string[]) => out.push(...parts.filter((p) => p !== ""));

  push(`# ${m.plan.title}`);
  push(
    list([
      `**Status:** ${m.plan.statusLabel}`,
      `**Owner:** ${m.plan.ownerName ?? "—"}`,
      `**Workspace:** ${m.plan.workspaceName}`,
      `**Completeness:** ${m.completeness.score}/100`,
    ]),
  );
  push(`## Purpose`, m.plan.summary.trim() || none("purpose written"));

  for (const section of planSections) {
    push(`## ${section.title}`);
    sectionWriters[section.id](m, push);
  }

  push(`## Completeness`, `Score: ${m.completeness.score}/100`);
  push(
    m.completeness.items.length === 0
      ? "Nothing is missing."
      : list(m.completeness.items.map((i) => `${title(i.section)}: ${i.message}`)),
  );
  return `${out.join("\n\n")}\n`;
}
