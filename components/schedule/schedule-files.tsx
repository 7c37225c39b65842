"use client";

/**
 * Export (CSV, iCalendar) and CSV import. Files are made and read in the browser from the live
 * document, so viewers and read-only links can export too, and imported rows go into the live
 * document through useEdit (one undo step) like any other edit. The API has the same exports at
 * /api/v1/plans/{id}/schedule.csv and .ics.
 */
import { useRef, useState, type ChangeEvent } from "react";
import { useEdit, useNameOf, usePlanData, useRows } from "@/components/collab/plan-data";
import { insertRow, randomUUID } from "@/lib/doc";
import type { Dependency, Task, WorkingCalendar } from "@/lib/plan/types";
import { parseScheduleCsv, scheduleToCsv, type CsvImport } from "@/lib/schedule/csv";
import { scheduleToIcs } from "@/lib/schedule/ics";
import { Button } from "@/components/ui/button";

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ScheduleFiles({
  tasks,
  deps,
  calendar,
  title,
}: {
  tasks: Task[];
  deps: Dependency[];
  calendar: WorkingCalendar;
  title: string;
}) {
  const deliverables = useRows("deliverables");
  const resources = useRows("resources");
  const nameOf = useNameOf();
  const { members, planId } = usePlanData();
  const { editable, edit } = useEdit();
  const file = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<(CsvImport & { written: boolean; error?: string }) | null>(null);

  const exportCsv = () =>
    download("schedule.csv", "text/csv", scheduleToCsv({ tasks, dependencies: deps, deliverables, nameOf, calendar }));
  const exportIcs = () =>
    download("schedule.ics", "text/calendar", scheduleToIcs({ planId, planTitle: title, tasks, deliverables }));
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    if (f.size > 5_000_000)
      return setReport({
        tasks: [],
        dependencies: [],
        refused: [],
        fileError: "The file is larger than 5 MB.",
        written: false,
      });
    const text = await f.text();
    const first = tasks.reduce((m, t) => Math.max(m, t.order), 0) + 1;
    const people = [...members, ...resources.map((r) => ({ id: r.id, name: r.name }))];
    const result = parseScheduleCsv(text, {
      existingTasks: tasks,
      existingDependencies: deps,
      deliverables,
      people,
      calendar,
      newId: randomUUID,
      firstOrder: first,
    });
    if (result.fileError || result.tasks.length === 0) return setReport({ ...result, written: false });
    const w = edit((doc) => {
      for (const t of result.tasks) {
        const r = insertRow(doc, "tasks", t);
        if (!r.ok) return r;
      }
      for (const d of result.dependencies) {
        const r = insertRow(doc, "dependencies", d);
        if (!r.ok) return r;
      }
    });
    setReport({ ...result, written: w.ok, error: w.ok ? undefined : w.problems[0]?.message });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" onClick={exportCsv} variant="secondary" size="sm">
        Export CSV
      </Button>
      <Button type="button" onClick={exportIcs} variant="secondary" size="sm">
        Export iCalendar
      </Button>
      {editable && (
        <>
          <Button type="button" onClick={() => file.current?.click()} variant="secondary" size="sm">
            Import CSV…
          </Button>
          <input
            ref={file}
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file to import"
            className="sr-only"
            tabIndex={-1}
            onChange={onFile}
          />
        </>
      )}
      {report && (
        <div
          role="status"
          data-testid="import-report"
          className="w-full rounded-md border border-slate-200 bg-slate-50 p-2 text-xs"
        >
          <div className="flex justify-between">
            <p>
              {report.fileError ??
                report.error ??
                `${report.written ? report.tasks.length : 0} task${report.tasks.length === 1 ? "" : "s"} imported${report.refused.length ? `; ${report.refused.filter((r) => !r.imported).length} row(s) refused.` : "."}`}
            </p>
            <button
              type="button"
              onClick={() => setReport(null)}
              aria-label="Dismiss import report"
              className="px-1 text-slate-500"
            >
              ×
            </button>
          </div>
          {report.refused.length > 0 && (
            <ul className="mt-1 list-disc pl-4">
              {report.refused.map((r) => (
                <li key={r.row}>
                  Row {r.row}
                  {r.name ? ` (${r.name})` : ""}: {r.reasons.join(" ")}
                  {r.imported ? " The task was imported without it." : ""}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
