"use client";

import { useMemo } from "react";
import { useEdit, usePlanData, useRaciCells, useRows, useSettings, type Person } from "@/components/collab/plan-data";
import { AddColumn } from "./add-column";
import { ColumnHeader } from "./column-header";
import { OverloadThreshold } from "./overload-threshold";
import { RaciGrid } from "./raci-grid";
import { CsvLink } from "@/components/plan/csv-link";
import {
  deleteRow,
  insertRow,
  nextOrder,
  raciCellsOf,
  randomUUID,
  setRaciCell,
  setSetting,
  updateRow,
} from "@/lib/doc";
import { columnLoads, raciProblems, raciRows } from "@/lib/plan/raci";
import { cellIndex, columnLabel, letterNames, raciLetters } from "@/lib/raci/cells";
import { Empty } from "@/components/ui/empty";

/** RACI: who is Responsible, Accountable, Consulted and Informed for each task and deliverable. */
export function RaciSection() {
  const tasks = useRows("tasks");
  const deliverables = useRows("deliverables");
  const columns = useRows("raciColumns");
  const cells = useRaciCells();
  const { raciOverloadThreshold: threshold } = useSettings();
  const { members } = usePlanData();
  const { editable, edit } = useEdit();

  const memberName = useMemo(() => {
    const names = new Map(members.map((m) => [m.id, m.name]));
    return (id: string) => names.get(id) ?? null;
  }, [members]);
  const rows = useMemo(() => raciRows(tasks, deliverables), [tasks, deliverables]);
  // Rules and loads see the names the header shows.
  const labelled = useMemo(
    () => columns.map((c) => ({ ...c, name: columnLabel(c, memberName) })),
    [columns, memberName],
  );
  const at = useMemo(() => cellIndex(cells), [cells]);
  const problems = useMemo(
    () => new Map(raciProblems(rows, labelled, cells).map((p) => [p.rowId, p.problems])),
    [rows, labelled, cells],
  );
  // A row with no letters at all is work not yet assigned, told apart from a row that breaks a rule.
  const unassigned = useMemo(() => {
    const live = new Set(columns.map((c) => c.id));
    const touched = new Set(cells.filter((c) => live.has(c.columnId)).map((c) => c.rowId));
    return new Set(rows.filter((r) => !touched.has(r.id)).map((r) => r.id));
  }, [rows, columns, cells]);
  const broken = [...problems.keys()].filter((id) => !unassigned.has(id)).length;
  const loads = useMemo(
    () => new Map(columnLoads(labelled, cells, rows, threshold).map((l) => [l.columnId, l])),
    [labelled, cells, rows, threshold],
  );
  const freeMembers = members.filter((m) => !columns.some((c) => c.kind === "member" && c.userId === m.id));

  const addMember = (m: Person) =>
    edit((doc) =>
      insertRow(doc, "raciColumns", {
        id: randomUUID(),
        kind: "member",
        userId: m.id,
        name: m.name,
        order: nextOrder(doc, "raciColumns"),
      }),
    );
  const addRole = (name: string) =>
    edit((doc) =>
      insertRow(doc, "raciColumns", {
        id: randomUUID(),
        kind: "role",
        userId: null,
        name,
        order: nextOrder(doc, "raciColumns"),
      }),
    );
  // A removed column takes its cells with it, in the same undoable step.
  const removeColumn = (id: string) =>
    edit((doc) => {
      const cellsMap = raciCellsOf(doc);
      for (const key of [...cellsMap.keys()]) if (key.endsWith(`:${id}`)) cellsMap.delete(key);
      deleteRow(doc, "raciColumns", id);
    });

  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600">
          {raciLetters.map((l, i) => (
            <span key={l}>
              {i > 0 && " · "}
              <strong>{l}</strong> {letterNames[l]}
            </span>
          ))}
          {" — exactly one A and at least one R per row."}
        </p>
        <CsvLink file="raci.csv" label="Export RACI (CSV)" />
      </div>
      {(broken > 0 || (unassigned.size > 0 && columns.length > 0)) && (
        <p className="mt-2 text-sm">
          {broken > 0 && (
            <span className="font-medium text-red-800">
              {broken} {broken === 1 ? "row breaks" : "rows break"} a RACI rule.
            </span>
          )}
          {unassigned.size > 0 && columns.length > 0 && (
            <span className="ml-1 text-slate-600">
              {unassigned.size} {unassigned.size === 1 ? "row is" : "rows are"} not assigned yet.
            </span>
          )}
        </p>
      )}
      {rows.length === 0 ? (
        <Empty>
          No tasks or deliverables yet: add them under Deliverables and Schedule, and they become the rows of this grid.
        </Empty>
      ) : columns.length === 0 ? (
        <Empty>No people or roles yet{editable ? ": add a member or a named role below." : "."}</Empty>
      ) : (
        <RaciGrid
          rows={rows}
          columnIds={columns.map((c) => c.id)}
          headers={labelled.map((c, i) => (
            <ColumnHeader
              key={c.id}
              column={columns[i]!}
              label={c.name}
              load={loads.get(c.id)}
              threshold={threshold}
              editable={editable}
              onRename={(name) => edit((doc) => updateRow(doc, "raciColumns", c.id, { name }))}
              onRemove={() => removeColumn(c.id)}
            />
          ))}
          letterAt={(rowId, colId) => at.get(`${rowId}:${colId}`)}
          problems={problems}
          unassigned={unassigned}
          editable={editable}
          onSet={(rowId, colId, value) => edit((doc) => setRaciCell(doc, rowId, colId, value))}
        />
      )}
      {rows.length > 0 && columns.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          {editable
            ? "Arrow keys move · type R, A, C or I · Delete clears · click a selected cell to cycle its letter"
            : "Arrow keys move between cells."}
        </p>
      )}
      <div className="mt-3 flex flex-col gap-2">
        <OverloadThreshold
          value={threshold}
          editable={editable}
          onChange={(n) => edit((doc) => setSetting(doc, "raciOverloadThreshold", n))}
        />
        {editable && <AddColumn members={freeMembers} onAddMember={addMember} onAddRole={addRole} />}
      </div>
    </div>
  );
}
