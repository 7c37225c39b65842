import { ganttPages } from "@/lib/export/gantt-pages-svg";
import type { ExportModel } from "@/lib/export/model";
import { svgDataUrl } from "@/lib/export/svg";
import { criticalPath } from "@/lib/plan/critical-path";

/**
 * The schedule's Gantt chart on landscape pages of its own (the named page `gantt` of the print
 * layout), cut by rows and date range; each page repeats the task names.
 */
export function PrintGantt({ m }: { m: ExportModel }) {
  const c = m.content;
  const critical = new Set(criticalPath(c.tasks, c.dependencies, m.rules.calendar).criticalTaskIds);
  const pages = ganttPages({ tasks: m.tasks, dependencies: c.dependencies, criticalIds: critical, today: m.today });
  if (pages.length === 0) return null;
  return (
    <div data-testid="print-gantt">
      {pages.map((p, i) => (
        <figure key={i} className="pw-gantt-page mt-4" data-testid="gantt-page">
          <figcaption className="text-xs text-slate-600">
            Gantt chart {i + 1}/{pages.length}: tasks {p.rows[0]}–{p.rows[1]}, {p.from} to {p.to}
            {i === 0 ? " · critical path in red, today in amber" : ""}
          </figcaption>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL rendered on the server */}
          <img
            src={svgDataUrl(p.svg)}
            alt={`Gantt chart, tasks ${p.rows[0]}–${p.rows[1]}`}
            className="mt-1 h-auto w-full"
          />
        </figure>
      ))}
    </div>
  );
}
