"use client";

/**
 * The plan's milestones on one line: a diamond where each one is now, a hollow one where the latest
 * baseline had it, joined when it moved; colour by state (hit, missed, upcoming). A list below says
 * the same in words, for screen readers and for reading the figures.
 */
import { useMemo } from "react";
import { useRows, useSettings, usePlanData } from "@/components/collab/plan-data";
import { milestoneReport, type MilestonePoint, type MilestoneReport } from "@/lib/plan/milestones";
import type { WorkingCalendar } from "@/lib/plan/types";

const COLORS: Record<MilestonePoint["state"], string> = {
  hit: "#15803d",
  missed: "#b91c1c",
  upcoming: "#4f46e5",
  undated: "#94a3b8",
};
const STATE_TEXT: Record<MilestonePoint["state"], string> = {
  hit: "hit",
  missed: "missed",
  upcoming: "upcoming",
  undated: "not dated",
};
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The live plan's milestone report (latest baseline). */
export function useMilestoneReport(): MilestoneReport {
  const tasks = useRows("tasks");
  const baselines = useRows("baselines");
  const holidays = useRows("holidays");
  const { workingWeekdays } = useSettings();
  const { today } = usePlanData();
  return useMemo(() => {
    const calendar: WorkingCalendar = { workingWeekdays, holidays };
    return milestoneReport(tasks, baselines, calendar, today);
  }, [tasks, baselines, holidays, workingWeekdays, today]);
}

export function slipText(slip: number | null): string {
  if (slip === null) return "no baseline date";
  if (slip === 0) return "on the baseline date";
  const n = Math.abs(slip);
  return `${n} working day${n === 1 ? "" : "s"} ${slip > 0 ? "late" : "early"}`;
}

export function MilestoneChart({ report }: { report: MilestoneReport }) {
  const dated = report.points.filter((p) => p.date);
  const days = dated.flatMap((p) => [p.date!, ...(p.baselineDate ? [p.baselineDate] : [])]).map(t);
  if (report.points.length === 0)
    return (
      <p data-testid="milestone-chart" className="text-sm text-slate-600">
        No milestones yet.
      </p>
    );
  const min = Math.min(...days);
  const max = Math.max(...days);
  const W = 800;
  const pad = 40;
  const x = (d: string) => (max === min ? W / 2 : pad + ((t(d) - min) / (max - min)) * (W - 2 * pad));
  const diamond = (cx: number, cy: number, r: number) =>
    `M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z`;
  return (
    <figure data-testid="milestone-chart" className="min-w-0">
      {dated.length > 0 && (
        <svg
          viewBox={`0 0 ${W} 90`}
          className="h-24 w-full"
          role="img"
          aria-label="Milestones on a line, baseline against now"
        >
          <line x1={pad / 2} x2={W - pad / 2} y1={45} y2={45} stroke="#cbd5e1" strokeWidth={2} />
          {dated.map((p, i) => {
            const cx = x(p.date!);
            const bx = p.baselineDate ? x(p.baselineDate) : null;
            const up = i % 2 === 0;
            return (
              <g key={p.id} data-milestone={p.id} data-state={p.state} data-slip={p.slip ?? ""}>
                {bx !== null && bx !== cx && (
                  <line x1={bx} x2={cx} y1={45} y2={45} stroke={p.slip! > 0 ? "#b91c1c" : "#15803d"} strokeWidth={3} />
                )}
                {bx !== null && (
                  <path
                    d={diamond(bx, 45, 7)}
                    fill="#fff"
                    stroke="#64748b"
                    strokeWidth={2}
                    className="pw-ms-baseline"
                  />
                )}
                <path d={diamond(cx, 45, 8)} fill={COLORS[p.state]} />
                <text x={cx} y={up ? 28 : 70} textAnchor="middle" fontSize={11} fill="#0f172a">
                  {p.name.length > 24 ? `${p.name.slice(0, 23)}…` : p.name}
                  {p.slip ? ` (${p.slip > 0 ? "+" : "−"}${Math.abs(p.slip)}d)` : ""}
                </text>
              </g>
            );
          })}
          <text x={pad / 2} y={86} fontSize={10} fill="#475569">
            {new Date(min).toISOString().slice(0, 10)}
          </text>
          <text x={W - pad / 2} y={86} fontSize={10} fill="#475569" textAnchor="end">
            {new Date(max).toISOString().slice(0, 10)}
          </text>
        </svg>
      )}
      <figcaption className="text-xs text-slate-600">
        {report.baseline
          ? `Against the baseline “${report.baseline.name}” (${report.baseline.savedAt.slice(0, 10)}): ${report.slipped} slipped${report.slipped ? `, worst ${report.worstSlip} working day${report.worstSlip === 1 ? "" : "s"}` : ""}. Hollow diamond: baseline date.`
          : "No baseline saved yet: save one under Schedule to see slippage."}
      </figcaption>
      <ul className="mt-1 text-xs text-slate-700" data-testid="milestone-list">
        {report.points.map((p) => (
          <li key={p.id} data-state={p.state}>
            <span className="font-medium">{p.name}</span> — {p.date ?? "no date"}, {STATE_TEXT[p.state]}
            {report.baseline ? `, ${slipText(p.slip)}` : ""}
          </li>
        ))}
      </ul>
    </figure>
  );
}
