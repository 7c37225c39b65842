"use client";

import { useRaciCells, useRows } from "@/components/collab/plan-data";
import { Empty } from "./basic";

export function RaciSection() {
  const columns = useRows("raciColumns");
  const cells = useRaciCells();
  if (columns.length === 0) return <Empty>No roles assigned yet.</Empty>;
  return (
    <p className="mt-4 text-sm text-slate-700">
      {columns.length} people and roles, {cells.length} assignments.
    </p>
  );
}
