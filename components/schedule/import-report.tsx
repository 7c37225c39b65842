"use client";

/**
 * What an import will write, before it is written: the tasks taken, the rows dropped and why, what
 * the file had that a plan cannot hold, and (MS Project XML) its working calendar. After writing,
 * the same box says what was written.
 */
import { useState } from "react";
import type { ScheduleImport } from "@/lib/schedule/import-file";
import { Button } from "@/components/ui/button";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const PREVIEW_ROWS = 12;

export type ImportState = ScheduleImport & { fileName: string; written: boolean | null; error?: string };

function summary(r: ImportState): string {
  if (r.fileError) return r.fileError;
  if (r.error) return `Nothing was imported: ${r.error}`;
  const dropped = r.refused.filter((x) => !x.imported).length;
  const tasks = `${r.tasks.length} task${r.tasks.length === 1 ? "" : "s"}`;
  const links = `${r.dependencies.length} link${r.dependencies.length === 1 ? "" : "s"}`;
  const refused = dropped ? `; ${dropped} row(s) refused` : "";
  if (r.written) return `${tasks} imported${refused}.`;
  if (r.tasks.length === 0) return `Nothing to import from ${r.fileName}${refused}.`;
  return `${r.fileName}: ${tasks} and ${links} will be imported${refused}.`;
}

export function ImportReport({
  report,
  onConfirm,
  onDismiss,
}: {
  report: ImportState;
  onConfirm: (withCalendar: boolean) => void;
  onDismiss: () => void;
}) {
  const [withCalendar, setWithCalendar] = useState(true);
  const pending = report.written === null && !report.fileError && report.tasks.length > 0;
  const cal = report.calendar;
  return (
    <div
      role="status"
      data-testid="import-report"
      className="w-full rounded-md border border-slate-200 bg-slate-50 p-2 text-xs"
    >
      <div className="flex justify-between">
        <p data-testid="import-summary">{summary(report)}</p>
        <button type="button" onClick={onDismiss} aria-label="Dismiss import report" className="px-1 text-slate-500">
          ×
        </button>
      </div>
      {pending && (
        <table className="mt-1 w-full text-left" data-testid="import-preview">
          <thead>
            <tr className="text-slate-600">
              <th className="font-medium">Task</th>
              <th className="font-medium">Kind</th>
              <th className="font-medium">Start</th>
              <th className="font-medium">End</th>
            </tr>
          </thead>
          <tbody>
            {report.tasks.slice(0, PREVIEW_ROWS).map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.kind}</td>
                <td>{t.start ?? "—"}</td>
                <td>{t.end ?? "—"}</td>
              </tr>
            ))}
            {report.tasks.length > PREVIEW_ROWS && (
              <tr>
                <td colSpan={4} className="text-slate-500">
                  … and {report.tasks.length - PREVIEW_ROWS} more
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {report.refused.length > 0 && (
        <ul className="mt-1 list-disc pl-4" aria-label="Row report">
          {report.refused.map((r) => (
            <li key={r.row}>
              Row {r.row}
              {r.name ? ` (${r.name})` : ""}: {r.reasons.join(" ")}
              {r.imported ? ` The task ${report.written ? "was" : "is"} imported without it.` : ""}
            </li>
          ))}
        </ul>
      )}
      {report.notes.length > 0 && (
        <ul className="mt-1 list-disc pl-4">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {pending && cal && (
        <label className="mt-1 flex items-center gap-1">
          <input type="checkbox" checked={withCalendar} onChange={(e) => setWithCalendar(e.target.checked)} />
          Also take the file&apos;s working calendar ({cal.workingWeekdays.map((d) => DAYS[d]).join(", ")};{" "}
          {cal.holidays.length} holiday{cal.holidays.length === 1 ? "" : "s"})
        </label>
      )}
      {pending && (
        <div className="mt-2 flex gap-2">
          <Button type="button" size="sm" variant="primary" onClick={() => onConfirm(Boolean(cal) && withCalendar)}>
            Import {report.tasks.length} task{report.tasks.length === 1 ? "" : "s"}
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={onDismiss}>
            Cancel
          </Button>
        </div>
      )}
    </div>
  );
}
