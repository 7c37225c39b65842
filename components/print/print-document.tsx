import Markdown from "react-markdown";
import {
  deliverableStatusLabels,
  money,
  resourceKindLabels,
  riskStatusLabels,
  scopeHeadings,
  swotHeadings,
  varianceText,
  type ExportModel,
} from "@/lib/export/model";
import { riskMatrixSvg } from "@/lib/export/risk-matrix-svg";
import { svgDataUrl } from "@/lib/export/svg";
import { timelineSvg } from "@/lib/export/timeline-svg";
import { planSections, type PlanSectionId } from "@/lib/plan/template";
import { AvailabilityPrint, CeilingAndRequestsPrint } from "./print-capacity";
import { PrintGantt } from "./print-gantt";
import { Bullets, None, Picture, PrintSection, Sub, Table } from "./print-parts";
import { ResearchPrint, StakeholdersPrint } from "./print-people";

const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${Math.round(n)}%`);
const num = (n: number | null) => (n === null ? "—" : String(n));
const numberOf = (id: PlanSectionId) => planSections.findIndex((s) => s.id === id) + 1;
const titleOf = (id: PlanSectionId) => planSections.find((s) => s.id === id)!.title;

function Section({ id, children }: { id: PlanSectionId; children: React.ReactNode }) {
  return (
    <PrintSection id={id} number={numberOf(id)} title={titleOf(id)}>
      {children}
    </PrintSection>
  );
}

/**
 * Each section's body under its numbered heading. Keyed by the template's section ids, so a section added
 * to the template does not compile until it is drawn here too; the order is the template's.
 */
const sectionBodies: { [K in PlanSectionId]: (m: ExportModel) => React.ReactNode } = {
  objectives: (m) => {
    const c = m.content;
    return (
      <>
        {c.objectives.length === 0 && <None>No objectives yet.</None>}
        {c.objectives.map((o, i) => (
          <div key={o.id} className="mt-3 break-inside-avoid">
            <h3 className="font-semibold">
              {i + 1}. {o.title || "Untitled objective"}
            </h3>
            {o.description && <p className="mt-1 text-sm whitespace-pre-line">{o.description}</p>}
            <Table
              label={`KPI of ${o.title || "objective"}`}
              head={["KPI", "Baseline", "Target", "Current", "Unit", "Due", "Progress"]}
              rows={[
                [
                  o.kpi.metric,
                  num(o.kpi.baseline),
                  num(o.kpi.target),
                  num(o.kpi.current),
                  o.kpi.unit,
                  o.kpi.due,
                  pct(m.kpiProgress.get(o.id)),
                ],
              ]}
            />
          </div>
        ))}
      </>
    );
  },
  scope: (m) => {
    const c = m.content;
    return (
      <>
        <div className="grid grid-cols-2 gap-x-6">
          {scopeHeadings.map(([kind, heading]) => {
            const items = c.scopeItems.filter((s) => s.kind === kind).map((s) => s.text);
            return (
              <div key={kind}>
                <Sub>{heading}</Sub>
                {items.length ? <Bullets items={items} /> : <None>None listed.</None>}
              </div>
            );
          })}
        </div>
        {c.scopeText.trim() && (
          <>
            <Sub>Notes</Sub>
            <p className="mt-1 text-sm whitespace-pre-line">{c.scopeText}</p>
          </>
        )}
      </>
    );
  },
  deliverables: (m) => {
    const c = m.content;
    return (
      <>
        {c.deliverables.length === 0 ? (
          <None>No deliverables yet.</None>
        ) : (
          <Table
            label="Deliverables"
            head={["Deliverable", "Owner", "Due", "Status", "Progress", "Acceptance criteria"]}
            rows={c.deliverables.map((d) => [
              <>
                <strong>{d.name || "Untitled"}</strong>
                {d.description && <span className="block text-slate-600">{d.description}</span>}
              </>,
              m.nameOf(d.ownerId),
              d.due,
              deliverableStatusLabels[d.status] ?? d.status,
              pct(m.deliverableProgress.get(d.id)),
              d.acceptanceCriteria,
            ])}
          />
        )}
      </>
    );
  },
  stakeholders: (m) => <StakeholdersPrint m={m} />,
  research: (m) => <ResearchPrint m={m} />,
  strategy: (m) => {
    const c = m.content;
    return (
      <>
        {c.strategy.trim() ? (
          <div className="mt-2 text-sm [&_a]:underline [&_h1]:mt-4 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mt-2 [&_ul]:list-disc [&_ul]:pl-6">
            <Markdown skipHtml>{c.strategy}</Markdown>
          </div>
        ) : (
          <None>No strategy written yet.</None>
        )}
      </>
    );
  },
  schedule: (m) => {
    const c = m.content;
    return (
      <>
        <Sub>Timeline</Sub>
        <Picture
          src={svgDataUrl(timelineSvg(m.tasks, c.dependencies, m.today, m.summaryIds))}
          alt="Timeline of the schedule"
          testId="timeline-picture"
        />
        <Sub>Tasks</Sub>
        {c.tasks.length === 0 ? (
          <None>No tasks yet.</None>
        ) : (
          <Table
            label="Schedule"
            head={[
              "WBS",
              "Task",
              "Start",
              "End",
              "Days",
              "Assignee",
              "Progress",
              "Milestone",
              "Predecessors",
              "Deliverable",
            ]}
            rows={m.tasks.map((t) => [
              t.wbs,
              <span
                key="name"
                style={{ paddingLeft: `${t.depth}rem` }}
                className={t.summary ? "font-semibold" : undefined}
              >
                {t.name || "Untitled task"}
              </span>,
              t.start,
              t.end,
              t.kind === "milestone" ? "—" : m.durations.get(t.id),
              m.nameOf(t.assigneeId),
              `${t.progress}%`,
              t.kind === "milestone" ? "◆ Yes" : "",
              (m.predecessors.get(t.id) ?? []).join(", "),
              m.deliverableName(t.deliverableId),
            ])}
          />
        )}
        <PrintGantt m={m} />
      </>
    );
  },
  risks: (m) => {
    const c = m.content;
    return (
      <>
        <Sub>Risk matrix</Sub>
        <Picture
          src={svgDataUrl(riskMatrixSvg(m.risks, c.settings.riskBands))}
          alt="Risk matrix: likelihood against impact"
          testId="risk-matrix-picture"
        />
        <Sub>Risk register</Sub>
        {m.risks.length === 0 ? (
          <None>No risks yet.</None>
        ) : (
          <Table
            label="Risks"
            head={["Ref", "Risk", "Owner", "L", "I", "Score", "Band", "Status", "Mitigation", "Review"]}
            rows={m.risks.map((r) => [
              r.ref,
              <>
                <strong>{r.title || "Untitled risk"}</strong>
                {r.category && <span className="block text-slate-600">{r.category}</span>}
              </>,
              m.nameOf(r.ownerId),
              r.likelihood,
              r.impact,
              r.score,
              r.band?.label,
              riskStatusLabels[r.status],
              r.mitigation,
              r.reviewDate,
            ])}
          />
        )}
        <Sub>SWOT</Sub>
        <div className="mt-1 grid grid-cols-2 gap-3">
          {swotHeadings.map(([q, heading]) => {
            const items = c.swotItems.filter((s) => s.quadrant === q).map((s) => s.text);
            return (
              <div key={q} className="rounded border border-slate-300 p-2 break-inside-avoid">
                <h4 className="text-sm font-semibold">{heading}</h4>
                {items.length ? <Bullets items={items} /> : <None>None listed.</None>}
              </div>
            );
          })}
        </div>
        <Sub>Contingency plans</Sub>
        {m.risks.some((r) => r.contingency.trim() || r.trigger.trim()) ? (
          <Table
            label="Contingency plans"
            head={["Ref", "Risk", "Trigger", "Response"]}
            rows={m.risks
              .filter((r) => r.contingency.trim() || r.trigger.trim())
              .map((r) => [r.ref, r.title, r.trigger, r.contingency])}
          />
        ) : (
          <None>No contingency plans yet.</None>
        )}
      </>
    );
  },
  resources: (m) => {
    const c = m.content;
    return (
      <>
        {c.resources.length === 0 && <None>No resources yet.</None>}
        {Object.entries(resourceKindLabels).map(([kind, heading]) => {
          const rs = c.resources.filter((r) => r.kind === kind);
          if (rs.length === 0) return null;
          return (
            <div key={kind}>
              <Sub>{heading}</Sub>
              <Table
                label={heading}
                head={["Name", "Role", "Allocation", "Notes"]}
                rows={rs.map((r) => [r.name, r.role, `${r.allocation}%`, r.notes])}
              />
            </div>
          );
        })}
        <AvailabilityPrint m={m} />
        <Sub>Budget</Sub>
        {c.budgetLines.length === 0 ? (
          <None>No budget lines yet.</None>
        ) : (
          <>
            <Table
              label="Budget"
              head={["Category", "Description", "Planned", "Actual", "Variance"]}
              rows={c.budgetLines.map((b) => [
                b.category,
                b.description,
                money(b.planned, b.currency),
                money(b.actual, b.currency),
                varianceText(b.planned, b.actual, b.currency),
              ])}
            />
            <Table
              label="Budget totals"
              head={["Total", "Planned", "Actual", "Variance"]}
              rows={m.budget.totals.map((t) => [
                t.currency,
                money(t.planned, t.currency),
                money(t.actual, t.currency),
                varianceText(t.planned, t.actual, t.currency),
              ])}
            />
          </>
        )}
        <CeilingAndRequestsPrint m={m} />
      </>
    );
  },
  raci: (m) => {
    const c = m.content;
    const letter = new Map(c.raciCells.map((x) => [`${x.rowId}:${x.columnId}`, x.value]));
    return (
      <>
        {m.raci.rows.length === 0 || c.raciColumns.length === 0 ? (
          <None>No RACI assignments yet.</None>
        ) : (
          <Table
            label="RACI"
            head={["Task / deliverable", ...c.raciColumns.map((col) => col.name || m.nameOf(col.userId))]}
            rows={m.raci.rows.map((r) => [
              r.name || "Untitled",
              ...c.raciColumns.map((col) => letter.get(`${r.id}:${col.id}`) ?? ""),
            ])}
          />
        )}
      </>
    );
  },
  metrics: (m) => {
    const ms = m.metrics.milestones;
    return (
      <>
        <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
          {[
            ["Complete", `${m.metrics.percentComplete}%`],
            ["Milestones", `${ms.hit.length} hit · ${ms.missed.length} missed · ${ms.upcoming.length} upcoming`],
            ["Overdue tasks", String(m.metrics.overdue.length)],
            ["Open risk exposure", String(m.metrics.exposure)],
            [
              "Budget variance",
              m.budget.totals.map((t) => varianceText(t.planned, t.actual, t.currency)).join("; ") || "—",
            ],
            ["RACI gaps", String(m.raci.gaps)],
          ].map(([k, v]) => (
            <div key={k} className="rounded border border-slate-300 p-2 break-inside-avoid">
              <dt className="text-slate-500">{k}</dt>
              <dd className="font-semibold">{v}</dd>
            </div>
          ))}
        </dl>
      </>
    );
  },
};

/**
 * The whole plan as one document, sections in the template's order: what /plans/<id>/print shows
 * and what the PDF export prints. A server component; nothing in it is interactive.
 */
export function PrintDocument({ model: m }: { model: ExportModel }) {
  return (
    <article className="mx-auto max-w-4xl px-8 py-8 text-slate-900 print:max-w-none print:px-0 print:py-0">
      <header className="border-b-2 border-slate-900 pb-4">
        <p className="text-sm text-slate-500">{m.plan.workspaceName} · Implementation plan</p>
        <h1 className="mt-1 text-3xl font-bold">{m.plan.title}</h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Status</dt>
            <dd className="font-medium">{m.plan.statusLabel}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Owner</dt>
            <dd className="font-medium">{m.plan.ownerName ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Completeness</dt>
            <dd className="font-medium">{m.completeness.score}/100</dd>
          </div>
          <div>
            <dt className="text-slate-500">As of</dt>
            <dd className="font-medium">{m.today}</dd>
          </div>
        </dl>
        <h2 className="mt-4 text-sm font-semibold text-slate-500 uppercase">Purpose</h2>
        {m.plan.summary.trim() ? (
          <p className="mt-1 whitespace-pre-line">{m.plan.summary}</p>
        ) : (
          <None>No purpose written yet.</None>
        )}
      </header>

      {planSections.map((s) => (
        <Section key={s.id} id={s.id}>
          {sectionBodies[s.id](m)}
        </Section>
      ))}

      <PrintSection id="completeness" title="Completeness">
        <p className="mt-2 text-sm">Score: {m.completeness.score}/100</p>
        {m.completeness.items.length === 0 ? (
          <p className="mt-1 text-sm">Nothing is missing.</p>
        ) : (
          <Bullets items={m.completeness.items.map((i) => `${titleOf(i.section)}: ${i.message}`)} />
        )}
      </PrintSection>
    </article>
  );
}
