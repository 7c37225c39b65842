"use client";

import { bandFor, riskScore } from "@/lib/plan/risk";
import type { Risk, RiskBand } from "@/lib/plan/types";
import { statusLabel } from "@/lib/risks/view";
import type { RiskColumn } from "./columns";
import { bandClasses, noBandClass, scaleWord } from "./scales";

const statusClasses: Record<Risk["status"], string> = {
  open: "bg-sky-100 text-sky-900",
  mitigating: "bg-violet-100 text-violet-900",
  occurred: "bg-red-100 text-red-900",
  closed: "bg-slate-100 text-slate-600",
};

const Blank = () => <span className="text-slate-500">—</span>;

/** A register cell when it is not being edited. */
export function CellView({
  column,
  risk,
  nameOf,
  taskName,
  bands,
  overdue,
}: {
  column: RiskColumn;
  risk: Risk;
  nameOf: (id: string | null) => string | null;
  taskName: (id: string) => string | null;
  bands: readonly RiskBand[];
  overdue: boolean;
}) {
  switch (column.kind) {
    case "text":
      return risk[column.id].trim() ? (
        <span className="line-clamp-2 min-w-[8rem]">{risk[column.id]}</span>
      ) : (
        <span className="text-slate-500">{column.id === "title" ? "Untitled risk" : "—"}</span>
      );
    case "longtext":
      return risk[column.id].trim() ? (
        <span className="line-clamp-3 min-w-[12rem] max-w-xs whitespace-pre-line">{risk[column.id]}</span>
      ) : (
        <Blank />
      );
    case "owner":
      return risk.ownerId ? (
        <span>{nameOf(risk.ownerId) ?? "Former owner"}</span>
      ) : (
        <span className="text-slate-500">No owner</span>
      );
    case "scale":
      return (
        <span title={scaleWord(column.id, risk[column.id])}>
          {risk[column.id]} <span className="text-xs text-slate-500">{scaleWord(column.id, risk[column.id])}</span>
        </span>
      );
    case "score": {
      const score = riskScore(risk);
      const band = bandFor(score, bands);
      return (
        <span
          className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${band ? bandClasses[band.id] : noBandClass}`}
        >
          {score}
          <span className="font-normal">{band?.label ?? "No band"}</span>
        </span>
      );
    }
    case "status":
      return (
        <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${statusClasses[risk.status]}`}>
          {statusLabel(risk.status)}
        </span>
      );
    case "date":
      if (!risk.reviewDate) return <Blank />;
      return (
        <span className="whitespace-nowrap">
          {risk.reviewDate}
          {overdue && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-800">Overdue</span>}
        </span>
      );
    case "tasks": {
      const names = risk.linkedTaskIds.map(taskName).filter((n): n is string => n !== null);
      if (!names.length) return <Blank />;
      return (
        <span className="flex min-w-[8rem] flex-wrap gap-1">
          {names.map((n, i) => (
            <span key={i} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
              {n || "Untitled task"}
            </span>
          ))}
        </span>
      );
    }
    default:
      return null;
  }
}
