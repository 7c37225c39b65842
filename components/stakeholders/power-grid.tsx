import { byQuadrant } from "@/lib/plan/stakeholders";
import type { Stakeholder } from "@/lib/plan/types";
import { FocusLink } from "@/components/plan/focus-link";

/**
 * The power/interest grid: influence up, interest across, each stakeholder named in its quadrant.
 * Drawn as a list of four labelled regions so it reads the same to a screen reader.
 */
export function PowerGrid({ stakeholders, section }: { stakeholders: readonly Stakeholder[]; section: string }) {
  // The grid's reading order puts high influence on top: keep satisfied | manage closely, then monitor | keep informed.
  const cells = byQuadrant(stakeholders);
  const at = (id: string) => cells.find((c) => c.id === id)!;
  const order = [at("keep_satisfied"), at("manage_closely"), at("monitor"), at("keep_informed")];
  return (
    <div className="mt-4" data-testid="power-grid">
      <div className="flex gap-2">
        <span className="w-4 shrink-0 text-xs text-slate-500 [writing-mode:vertical-rl] rotate-180 text-center">
          Influence →
        </span>
        <ul aria-label="Power/interest grid" className="grid flex-1 grid-cols-2 gap-2">
          {order.map((q) => (
            <li key={q.id} aria-label={q.label} className="min-h-20 rounded-md border border-slate-200 bg-slate-50 p-2">
              <p className="text-xs font-semibold text-slate-700">
                {q.label} <span className="font-normal text-slate-500">· {q.hint}</span>
              </p>
              {q.rows.length === 0 ? (
                <p className="mt-1 text-xs text-slate-500">No one here.</p>
              ) : (
                <ul className="mt-1 flex flex-wrap gap-1 text-xs">
                  {q.rows.map((s) => (
                    <li key={s.id} className="rounded-full bg-white px-2 py-0.5 shadow-sm">
                      <FocusLink section={section} rowId={s.id} className="hover:underline">
                        {s.name.trim() || "Unnamed stakeholder"}
                      </FocusLink>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
      <p className="mt-1 text-center text-xs text-slate-500">Interest →</p>
    </div>
  );
}
