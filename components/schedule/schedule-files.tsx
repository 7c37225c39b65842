"use client";

/**
 * Exports (CSV, iCalendar, MS Project XML, the timeline as SVG/PNG) and import of CSV, MS Project XML
 * or Excel. Files are made and read in the browser from the live document, so viewers and read-only
 * links can export too. An import is previewed first (what will be taken, what is dropped and why);
 * confirmed, its rows go into the live document through useEdit (one undo step) like any other edit.
 * The API has the same exports at /api/v1/plans/{id}/schedule.csv, .ics, .xml and the Excel
 * workbook (with risks, RACI and budget) at .xlsx.
 */
import { useRef, useState, type ChangeEvent } from "react";
import { useEdit, useNameOf, usePlanData, useRows } from "@/components/collab/plan-data";
import { insertRow, randomUUID, setSetting } from "@/lib/doc";
import type { Dependency, Task, WorkingCalendar } from "@/lib/plan/types";
import { scheduleToCsv } from "@/lib/schedule/csv";
import { scheduleToIcs } from "@/lib/schedule/ics";
import { IMPORT_ACCEPT, readScheduleFile } from "@/lib/schedule/import-file";
import { scheduleToMspdi } from "@/lib/schedule/mspdi";
import { Button, ButtonAnchor } from "@/components/ui/button";
import { chartSvg, inlinedSvg, svgToPng } from "./chart-export";
import { ImportReport, type ImportState } from "./import-report";

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

function download(name: string, type: string, data: string | Blob) {
  const url = URL.createObjectURL(typeof data === "string" ? new Blob([data], { type }) : data);
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
  const holidays = useRows("holidays");
  const nameOf = useNameOf();
  const { members, planId, importMaxBytes } = usePlanData();
  const { editable, edit } = useEdit();
  const file = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportState | null>(null);
  const [chartError, setChartError] = useState<string | null>(null);

  const exportCsv = () =>
    download("schedule.csv", "text/csv", scheduleToCsv({ tasks, dependencies: deps, deliverables, nameOf, calendar }));
  const exportIcs = () =>
    download("schedule.ics", "text/calendar", scheduleToIcs({ planId, planTitle: title, tasks, deliverables }));
  const exportXml = () =>
    download(
      "schedule.xml",
      "application/xml",
      scheduleToMspdi({ title, tasks, dependencies: deps, calendar, nameOf: (id) => (id ? nameOf(id) : null) }),
    );
  const exportChart = async (as: "svg" | "png") => {
    const svg = chartSvg();
    if (!svg) return setChartError("Show the timeline to export it.");
    setChartError(null);
    const inlined = inlinedSvg(svg);
    if (as === "svg") return download("timeline.svg", "image/svg+xml", inlined.markup);
    try {
      download("timeline.png", "image/png", await svgToPng(inlined));
    } catch (e) {
      setChartError((e as Error).message);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    const people = [...members, ...resources.map((r) => ({ id: r.id, name: r.name }))];
    const result = await readScheduleFile(
      { name: f.name, size: f.size, bytes: () => f.arrayBuffer() },
      {
        existingTasks: tasks,
        existingDependencies: deps,
        deliverables,
        people,
        calendar,
        newId: randomUUID,
        firstOrder: tasks.reduce((m, t) => Math.max(m, t.order), 0) + 1,
      },
      importMaxBytes ?? DEFAULT_MAX_BYTES,
    );
    setReport({ ...result, fileName: f.name, written: null });
  };

  const confirm = (withCalendar: boolean) => {
    if (!report) return;
    const known = new Set(holidays.map((h) => h.date));
    const w = edit((doc) => {
      for (const t of report.tasks) {
        const r = insertRow(doc, "tasks", t);
        if (!r.ok) return r;
      }
      for (const d of report.dependencies) {
        const r = insertRow(doc, "dependencies", d);
        if (!r.ok) return r;
      }
      if (withCalendar && report.calendar) {
        const r = setSetting(doc, "workingWeekdays", report.calendar.workingWeekdays);
        if (!r.ok) return r;
        for (const h of report.calendar.holidays.filter((x) => !known.has(x.date))) {
          known.add(h.date);
          const r = insertRow(doc, "holidays", { id: randomUUID(), ...h });
          if (!r.ok) return r;
        }
      }
    });
    setReport({ ...report, written: w.ok, error: w.ok ? undefined : w.problems[0]?.message });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" onClick={exportCsv} variant="secondary" size="sm">
        Export CSV
      </Button>
      <Button type="button" onClick={exportIcs} variant="secondary" size="sm">
        Export iCalendar
      </Button>
      <Button type="button" onClick={exportXml} variant="secondary" size="sm">
        Export MS Project XML
      </Button>
      <ButtonAnchor href={`/api/v1/plans/${planId}/schedule.xlsx`} download variant="secondary" size="sm">
        Export Excel
      </ButtonAnchor>
      <Button type="button" onClick={() => exportChart("svg")} variant="secondary" size="sm">
        Export SVG
      </Button>
      <Button type="button" onClick={() => exportChart("png")} variant="secondary" size="sm">
        Export PNG
      </Button>
      {editable && (
        <>
          <Button type="button" onClick={() => file.current?.click()} variant="secondary" size="sm">
            Import…
          </Button>
          <input
            ref={file}
            type="file"
            accept={IMPORT_ACCEPT}
            aria-label="Schedule file to import (CSV, MS Project XML, Excel)"
            className="sr-only"
            tabIndex={-1}
            onChange={onFile}
          />
        </>
      )}
      {chartError && (
        <p role="alert" className="text-xs text-red-700">
          {chartError}
        </p>
      )}
      {report && <ImportReport report={report} onConfirm={confirm} onDismiss={() => setReport(null)} />}
    </div>
  );
}
