"use client";

import { useMemo, useState } from "react";
import { useEdit, useNameOf, usePlanData, useRows, useSettings } from "@/components/collab/plan-data";
import { BandSettings } from "./band-settings";
import { ContingencyPlans } from "./contingency";
import { CsvLink } from "@/components/plan/csv-link";
import { RiskFilters } from "./filters";
import { HeatMap } from "./heat-map";
import { RiskTable } from "./risk-table";
import { Swot } from "./swot";
import { blankRow, deleteRow, insertRow, updateRow } from "@/lib/doc";
import { openExposure, overdueReviews } from "@/lib/plan/risk";
import { uuid7 } from "@/lib/uuid7";
import {
  defaultSort,
  filterRisks,
  groupByCategory,
  isFiltered,
  noFilter,
  ownerOptions,
  sortRisks,
  type RiskSort,
  type RiskSortKey,
} from "@/lib/risks/view";

/** Risks: the register, its heat map and score bands, SWOT, and the contingency plans. */
export function RisksSection() {
  const risks = useRows("risks");
  const tasks = useRows("tasks");
  const resources = useRows("resources");
  const { riskBands: bands } = useSettings();
  const { members, today } = usePlanData();
  const { editable, edit } = useEdit();
  const nameOf = useNameOf();
  const owners = useMemo(() => ownerOptions(resources, members), [resources, members]);
  const [filter, setFilter] = useState(noFilter);
  const [sort, setSort] = useState<RiskSort>(defaultSort);
  const [grouped, setGrouped] = useState(false);

  const visible = sortRisks(filterRisks(risks, filter, bands), sort, nameOf);
  const groups = grouped ? groupByCategory(visible) : [{ category: "", risks: visible }];
  const overdue = overdueReviews(risks, today);
  const overdueIds = new Set(overdue.map((r) => r.id));

  // Header clicks cycle ascending → descending → the order risks were added.
  const onSort = (key: RiskSortKey) =>
    setSort((s) =>
      s.key !== key ? { key, direction: "asc" } : s.direction === "asc" ? { key, direction: "desc" } : defaultSort,
    );

  const onAdd = () => {
    const row = blankRow("risks", uuid7());
    const r = edit((doc) => insertRow(doc, "risks", row));
    if (!r.ok) return null;
    if (filterRisks([row], filter, bands).length === 0) setFilter(noFilter);
    return row.id;
  };

  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RiskFilters
          filter={filter}
          onFilter={setFilter}
          owners={owners}
          bands={bands}
          grouped={grouped}
          onGrouped={setGrouped}
        />
        <CsvLink file="risks.csv" label="Export risks (CSV)" />
      </div>
      <p className="mt-2 text-xs text-slate-600" aria-live="polite">
        {isFiltered(filter)
          ? `Showing ${visible.length} of ${risks.length} risks`
          : `${risks.length} ${risks.length === 1 ? "risk" : "risks"}`}
        {risks.length > 0 && ` · open exposure ${openExposure(risks)}`}
        {overdue.length > 0 && (
          <span className="font-medium text-red-700">
            {" "}
            · {overdue.length} {overdue.length === 1 ? "review" : "reviews"} overdue
          </span>
        )}
      </p>
      <RiskTable
        groups={groups}
        grouped={grouped}
        editable={editable}
        owners={owners}
        tasks={tasks}
        nameOf={nameOf}
        bands={bands}
        overdueIds={overdueIds}
        sort={sort}
        onSort={onSort}
        onUpdate={(id, patch) => edit((doc) => updateRow(doc, "risks", id, patch))}
        onRemove={(id) => edit((doc) => deleteRow(doc, "risks", id))}
        onAdd={onAdd}
        emptyMessage={risks.length === 0 ? "No risks recorded yet." : "No risks match these filters."}
      />
      <div className="mt-6 grid grid-cols-1 gap-6 2xl:grid-cols-2">
        <div>
          <HeatMap
            risks={risks}
            bands={bands}
            selected={filter.cell}
            onSelect={(cell) => setFilter({ ...filter, cell })}
          />
          <BandSettings bands={bands} editable={editable} edit={edit} />
        </div>
        <Swot />
      </div>
      <ContingencyPlans risks={risks} nameOf={nameOf} />
    </div>
  );
}
