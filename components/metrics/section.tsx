"use client";

import { useMemo, type ReactNode } from "react";
import { useDocContent, usePlanData } from "@/components/collab/plan-data";
import { Donut } from "@/components/charts/donut";
import { ProgressBar } from "@/components/charts/progress-bar";
import { StackedBar } from "@/components/charts/stacked-bar";
import { formatDate } from "@/components/fields/dates";
import { toPlanContent } from "@/lib/doc";
import { planMetrics } from "@/lib/plan/metrics";
import { VarianceText } from "@/components/resources/budget";
import { FocusLink } from "@/components/plan/focus-link";
import { MilestoneChart, useMilestoneReport } from "@/components/charts/milestone-chart";

const BAND_COLORS: Record<string, string> = { low: "#16a34a", medium: "#ca8a04", high: "#ea580c", critical: "#dc2626" };
const nameOf = (t: { name: string }) => t.name.trim() || "Untitled task";

/** A live dashboard of the plan, recomputed from the document after every change. */
export function MetricsSection() {
  const doc = useDocContent();
  const { today } = usePlanData();
  const m = useMemo(() => planMetrics(toPlanContent(doc), today), [doc, today]);
  const ms = m.milestones;
  const slips = useMilestoneReport();
  return (
    <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <Card title="Complete" figure={`${Math.round(m.percentComplete)}%`} note="Weighted by task duration">
        <ProgressBar value={m.percentComplete} label="Plan complete" />
      </Card>

      <Card
        title="Milestones"
        figure={`${ms.hit.length} of ${ms.hit.length + ms.missed.length + ms.upcoming.length + ms.unscheduled.length} hit`}
      >
        <StackedBar
          label="Milestones"
          segments={[
            { label: "Hit", value: ms.hit.length, color: "#16a34a" },
            { label: "Missed", value: ms.missed.length, color: "#dc2626" },
            { label: "Upcoming", value: ms.upcoming.length, color: "#6366f1" },
            ...(ms.unscheduled.length ? [{ label: "Undated", value: ms.unscheduled.length, color: "#94a3b8" }] : []),
          ]}
        />
        {ms.upcoming[0] && (
          <p className="mt-1 text-xs text-slate-600">
            Next:{" "}
            <FocusLink section="schedule" rowId={ms.upcoming[0].id}>
              {nameOf(ms.upcoming[0])}
            </FocusLink>{" "}
            on {formatDate(ms.upcoming[0].end!)}
          </p>
        )}
      </Card>

      <Card
        title="Milestone slippage"
        figure={slips.baseline ? String(slips.slipped) : "—"}
        tone={slips.baseline ? (slips.slipped ? "bad" : "good") : undefined}
        note={
          slips.baseline
            ? `Milestones later than the baseline “${slips.baseline.name}”${slips.slipped ? `; worst ${slips.worstSlip} working day${slips.worstSlip === 1 ? "" : "s"}` : ""}`
            : "No baseline saved yet"
        }
      />

      <div className="sm:col-span-2 xl:col-span-3">
        <Card title="Milestone chart">
          <MilestoneChart report={slips} />
        </Card>
      </div>

      <Card title="Overdue tasks" figure={String(m.overdue.length)} tone={m.overdue.length ? "bad" : "good"}>
        {m.overdue.length === 0 ? (
          <p className="text-xs text-slate-600">Nothing overdue.</p>
        ) : (
          <ul className="text-xs text-slate-700">
            {m.overdue.slice(0, 4).map((t) => (
              <li key={t.id}>
                <FocusLink section="schedule" rowId={t.id}>
                  {nameOf(t)}
                </FocusLink>{" "}
                — due {formatDate(t.end!)}, {Math.round(t.progress)}% done
              </li>
            ))}
            {m.overdue.length > 4 && <li className="text-slate-500">and {m.overdue.length - 4} more</li>}
          </ul>
        )}
      </Card>

      <Card title="Open risk exposure" figure={String(m.exposure)} note="Σ likelihood × impact of risks not closed">
        <Donut
          label="Open risks by band"
          center={String(m.openRisksByBand.reduce((s, b) => s + b.count, 0))}
          segments={m.openRisksByBand.map((b) => ({
            label: b.label,
            value: b.count,
            color: BAND_COLORS[b.band] ?? "#64748b",
          }))}
        />
      </Card>

      <Card title="Budget variance" figure={m.budget.length ? undefined : "—"} note="Actual − planned, per currency">
        {m.budget.length === 0 ? (
          <p className="text-xs text-slate-600">No budget lines yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {m.budget.map((t) => (
              <li key={t.currency} className="flex flex-col">
                <span className="text-lg font-semibold">
                  <VarianceText v={t.variance} />{" "}
                  <span className="text-sm font-normal text-slate-500">{t.currency}</span>
                </span>
                <ProgressBar
                  value={t.planned > 0 ? (100 * t.actual) / t.planned : 0}
                  label={`Share of the ${t.currency} budget spent`}
                  tone={t.actual > t.planned ? "red" : "indigo"}
                />
                <span className="text-xs text-slate-600">
                  {t.actual.toLocaleString("en-US")} spent of {t.planned.toLocaleString("en-US")} planned
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card
        title="RACI gaps"
        figure={String(m.raciGaps.length)}
        tone={m.raciGaps.length ? "bad" : "good"}
        note={`Rows without one Accountable or any Responsible${m.raciUnassigned ? `; ${m.raciUnassigned} ${m.raciUnassigned === 1 ? "row" : "rows"} not assigned yet` : ""}`}
      >
        {m.raciGaps.length > 0 && (
          <ul className="text-xs text-slate-700">
            {m.raciGaps.slice(0, 3).map((g) => (
              <li key={g.rowId}>
                <FocusLink section="raci" rowId={g.rowId}>
                  {g.name.trim() || "Untitled"}
                </FocusLink>
                : {g.messages.join(" ")}
              </li>
            ))}
            {m.raciGaps.length > 3 && <li className="text-slate-500">and {m.raciGaps.length - 3} more</li>}
          </ul>
        )}
      </Card>

      {m.kpis.total > 0 && (
        <Card
          title="Objectives"
          figure={m.kpis.meanProgress === null ? "—" : `${Math.round(m.kpis.meanProgress)}%`}
          note={`Mean progress toward KPI targets, ${m.kpis.measured} of ${m.kpis.total} measured`}
        >
          {m.kpis.meanProgress !== null && (
            <ProgressBar value={m.kpis.meanProgress} label="Mean progress toward KPI targets" tone="emerald" />
          )}
        </Card>
      )}
    </div>
  );
}

function Card({
  title,
  figure,
  note,
  tone,
  children,
}: {
  title: string;
  figure?: string;
  note?: string;
  tone?: "good" | "bad";
  children?: ReactNode;
}) {
  const color = tone === "bad" ? "text-red-700" : tone === "good" ? "text-emerald-700" : "text-slate-900";
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {figure !== undefined && <p className={`text-2xl font-semibold tabular-nums ${color}`}>{figure}</p>}
      {children}
      {note && <p className="text-xs text-slate-500">{note}</p>}
    </div>
  );
}
