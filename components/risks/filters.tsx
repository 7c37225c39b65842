"use client";

import type { RiskBand } from "@/lib/plan/types";
import { isFiltered, NO_OWNER, noFilter, riskStatuses, type OwnerOption, type RiskFilter } from "@/lib/risks/view";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** Filters of the register (status, owner, score band, heat-map cell) and grouping by category. */
export function RiskFilters({
  filter,
  onFilter,
  owners,
  bands,
  grouped,
  onGrouped,
}: {
  filter: RiskFilter;
  onFilter: (f: RiskFilter) => void;
  owners: readonly OwnerOption[];
  bands: readonly RiskBand[];
  grouped: boolean;
  onGrouped: (g: boolean) => void;
}) {
  return (
    <div role="group" aria-label="Filter risks" className="flex flex-wrap items-center gap-2 text-sm">
      <select
        aria-label="Filter by status"
        value={filter.status ?? ""}
        onChange={(e) => onFilter({ ...filter, status: (e.target.value || null) as RiskFilter["status"] })}
        className={selectClass}
      >
        <option value="">All statuses</option>
        {riskStatuses.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by owner"
        value={filter.owner ?? ""}
        onChange={(e) => onFilter({ ...filter, owner: e.target.value || null })}
        className={selectClass}
      >
        <option value="">Any owner</option>
        <option value={NO_OWNER}>No owner</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by score band"
        value={filter.band ?? ""}
        onChange={(e) => onFilter({ ...filter, band: (e.target.value || null) as RiskFilter["band"] })}
        className={selectClass}
      >
        <option value="">All bands</option>
        {bands.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label} ({b.min}–{b.max})
          </option>
        ))}
      </select>
      {filter.cell && (
        <button
          type="button"
          onClick={() => onFilter({ ...filter, cell: null })}
          className="rounded-full bg-indigo-100 px-2.5 py-0.5 text-xs font-medium text-indigo-900 hover:bg-indigo-200"
        >
          Likelihood {filter.cell.likelihood} × impact {filter.cell.impact} <span aria-hidden="true">✕</span>
          <span className="sr-only">(clear this filter)</span>
        </button>
      )}
      <label className="ml-1 inline-flex items-center gap-1.5">
        <input type="checkbox" checked={grouped} onChange={(e) => onGrouped(e.target.checked)} />
        Group by category
      </label>
      {isFiltered(filter) && (
        <button
          type="button"
          onClick={() => onFilter(noFilter)}
          className="text-xs font-medium text-indigo-700 hover:underline"
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
