"use client";

import { heatMap } from "@/lib/plan/risk";
import type { Risk, RiskBand } from "@/lib/plan/types";
import { bandClasses, impactWords, likelihoodWords, noBandClass } from "./scales";

type Cell = { likelihood: number; impact: number };

/**
 * The 5×5 likelihood × impact map with each risk in its cell. Choosing a cell (click, Enter or
 * Space) filters the register to it; choosing it again clears the filter.
 */
export function HeatMap({
  risks,
  bands,
  selected,
  onSelect,
}: {
  risks: readonly Risk[];
  bands: readonly RiskBand[];
  selected: Cell | null;
  onSelect: (cell: Cell | null) => void;
}) {
  const grid = heatMap(risks as Risk[], bands);
  const byId = new Map(risks.map((r) => [r.id, r]));
  const label = (b: string | null) => bands.find((x) => x.id === b)?.label ?? "no band";
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-medium text-slate-800">Heat map</figcaption>
      <div className="mt-2 flex gap-2">
        <div className="flex items-center">
          <span className="-rotate-180 text-xs font-medium uppercase tracking-wide text-slate-500 [writing-mode:vertical-rl]">
            Likelihood →
          </span>
        </div>
        <div className="min-w-0 flex-1">
          <div
            role="group"
            aria-label="Risk heat map: likelihood by impact"
            className="grid grid-cols-[auto_repeat(5,minmax(0,1fr))] gap-1"
          >
            {grid.map((row) => (
              <div key={row[0]!.likelihood} className="contents">
                <span
                  className="flex items-center justify-end pr-1 text-xs text-slate-500"
                  title={likelihoodWords[row[0]!.likelihood - 1]}
                >
                  {row[0]!.likelihood}
                </span>
                {row.map((cell) => {
                  const pressed = selected?.likelihood === cell.likelihood && selected.impact === cell.impact;
                  const titles = cell.riskIds.map((id) => byId.get(id)?.title.trim() || "Untitled risk");
                  return (
                    <button
                      key={cell.impact}
                      type="button"
                      aria-pressed={pressed}
                      aria-label={`Likelihood ${cell.likelihood}, impact ${cell.impact}: score ${cell.score}, ${label(cell.band)}, ${cell.riskIds.length} ${cell.riskIds.length === 1 ? "risk" : "risks"}`}
                      onClick={() => onSelect(pressed ? null : { likelihood: cell.likelihood, impact: cell.impact })}
                      className={`flex min-h-16 flex-col items-stretch gap-0.5 overflow-hidden rounded border p-1 text-left ${cell.band ? bandClasses[cell.band] : noBandClass} ${pressed ? "ring-2 ring-indigo-600 ring-offset-1" : "hover:brightness-95"}`}
                    >
                      <span className="text-[10px] opacity-70">{cell.score}</span>
                      {titles.slice(0, 3).map((t, i) => (
                        <span key={i} title={t} className="truncate rounded bg-white/70 px-1 text-[11px] leading-4">
                          {t}
                        </span>
                      ))}
                      {titles.length > 3 && <span className="text-[11px] font-medium">+{titles.length - 3} more</span>}
                    </button>
                  );
                })}
              </div>
            ))}
            <span />
            {[1, 2, 3, 4, 5].map((i) => (
              <span key={i} className="text-center text-xs text-slate-500" title={impactWords[i - 1]}>
                {i}
              </span>
            ))}
          </div>
          <p className="mt-1 text-center text-xs font-medium uppercase tracking-wide text-slate-500">Impact →</p>
        </div>
      </div>
    </figure>
  );
}
