"use client";

import { useMemo } from "react";
import { useDocContent } from "@/components/collab/plan-data";
import { ProgressBar } from "@/components/charts/progress-bar";
import { toPlanContent } from "@/lib/doc";
import { planCompleteness } from "@/lib/plan/completeness";
import { FocusLink } from "./focus-link";

/** How many items a section lists before "and N more" (the full list is one click away). */
const SHOWN = 5;

/**
 * The plan's completeness: a score, and per section what is missing or thin, each item a link to the
 * place to fix it. Recomputed live; the server's first paint shows the same from the projection.
 */
export function CompletenessPanel() {
  const doc = useDocContent();
  const c = useMemo(() => planCompleteness(toPlanContent(doc)), [doc]);
  const open = c.items.length;
  return (
    <section aria-labelledby="completeness-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 id="completeness-title" className="text-lg font-semibold">
          Completeness
        </h2>
        <p className="text-2xl font-semibold tabular-nums" data-testid="completeness-score">
          {c.score}%
        </p>
        <ProgressBar
          value={c.score}
          label="Plan completeness"
          tone={c.score >= 80 ? "emerald" : c.score >= 50 ? "indigo" : "amber"}
          className="max-w-xs flex-1"
        />
        <p className="text-sm text-slate-600">
          {open === 0
            ? "Nothing missing: an outsider could follow this plan."
            : `${open} ${open === 1 ? "thing" : "things"} to fill in`}
        </p>
      </div>
      {open > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-indigo-700">Show what is missing</summary>
          <ol className="mt-2 gap-6 md:columns-2" aria-label="Completeness by section">
            {c.sections.map((s) => (
              <li key={s.section} className="mb-3 break-inside-avoid text-sm">
                <p className="flex items-center gap-2 font-medium">
                  <span aria-hidden className={s.items.length === 0 ? "text-emerald-600" : "text-amber-600"}>
                    {s.items.length === 0 ? "✓" : "•"}
                  </span>
                  <FocusLink section={s.section} rowId={null} className="hover:underline">
                    {s.title}
                  </FocusLink>
                  <span className="text-xs font-normal text-slate-500">{Math.round(s.score * 100)}%</span>
                  <span className="sr-only">{s.items.length === 0 ? "complete" : `${s.items.length} to fix`}</span>
                </p>
                {s.items.length > 0 && (
                  <ul className="ml-6 mt-1 flex list-disc flex-col gap-0.5 text-slate-700">
                    {s.items.slice(0, SHOWN).map((item, i) => (
                      <li key={`${item.rowId}-${i}`}>
                        <FocusLink section={item.section} rowId={item.rowId}>
                          {item.message}
                        </FocusLink>
                      </li>
                    ))}
                    {s.items.length > SHOWN && (
                      <li className="list-none text-xs text-slate-500">
                        and {s.items.length - SHOWN} more in {s.title}
                      </li>
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
