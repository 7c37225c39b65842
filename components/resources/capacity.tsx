"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useEdit, useRows, useSettings } from "@/components/collab/plan-data";
import { formatDate } from "@/components/fields/dates";
import { NumberField } from "@/components/fields/number-field";
import { inputClass } from "@/components/fields/styles";
import { Button } from "@/components/ui/button";
import { updateRow, type RowOf, type WriteResult } from "@/lib/doc";
import { planWorkload } from "@/lib/plan/capacity";
import type { Absence, WorkingCalendar } from "@/lib/plan/types";

type Resource = RowOf<"resources">;

/**
 * Each person's availability (hours a week, days away) and the weeks this plan's tasks fill beyond it,
 * counted on the plan's working calendar. The workspace's Workload view adds up every plan.
 */
export function Capacity() {
  const resources = useRows("resources");
  const tasks = useRows("tasks");
  const holidays = useRows("holidays");
  const { workingWeekdays } = useSettings();
  const { editable, edit } = useEdit();
  const people = resources.filter((r) => r.kind === "person");
  const loads = useMemo(() => {
    const calendar: WorkingCalendar = { workingWeekdays, holidays: holidays.map(({ date, name }) => ({ date, name })) };
    return new Map(planWorkload(resources, tasks, calendar).map((l) => [l.resource.id, l.weeks]));
  }, [resources, tasks, holidays, workingWeekdays]);
  const setAbsences = (r: Resource, absences: Absence[]) =>
    edit((doc) => updateRow(doc, "resources", r.id, { absences }));
  if (people.length === 0) return null;
  return (
    <div>
      <h3 id="capacity-title" className="text-sm font-semibold">
        Availability
      </h3>
      <ul aria-labelledby="capacity-title" className="mt-1 flex flex-col gap-2">
        {people.map((r) => {
          const name = r.name || "this person";
          const over = (loads.get(r.id) ?? []).filter((w) => w.overAllocated);
          return (
            <li key={r.id} className="rounded-md border border-slate-100 p-2 text-sm" data-testid="capacity-row">
              <div className="flex flex-wrap items-start gap-4">
                <p className="w-40 font-medium">{r.name || "—"}</p>
                <NumberField
                  label={`Hours a week of ${name}`}
                  suffix="h / week"
                  value={r.capacityHoursPerWeek}
                  onCommit={(v) => edit((doc) => updateRow(doc, "resources", r.id, { capacityHoursPerWeek: v ?? 0 }))}
                  editable={editable}
                  className="w-36"
                />
                <div className="flex-1">
                  <p className="text-xs font-medium text-slate-600">Away</p>
                  {r.absences.length === 0 && <p className="text-slate-500">No absences.</p>}
                  <ul className="flex flex-wrap gap-2">
                    {r.absences.map((a, i) => (
                      <li key={`${a.start}-${i}`} className="rounded bg-slate-100 px-2 py-0.5">
                        {formatDate(a.start)}
                        {a.end !== a.start && ` – ${formatDate(a.end)}`}
                        {a.note && ` · ${a.note}`}
                        {editable && (
                          <button
                            type="button"
                            className="ml-1 text-slate-500 hover:text-red-700"
                            aria-label={`Remove the absence of ${name} from ${a.start}`}
                            onClick={() => setAbsences(r, r.absences.toSpliced(i, 1))}
                          >
                            ×
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {editable && <AddAbsence name={name} onAdd={(a) => setAbsences(r, [...r.absences, a])} />}
                </div>
              </div>
              {over.length > 0 && (
                <p className="mt-1 text-xs font-medium text-amber-800">
                  <span aria-hidden>⚠ </span>Over capacity in{" "}
                  {over.map((w) => `${w.week} (${w.hours} of ${w.capacity} h)`).join(", ")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function AddAbsence({ name, onAdd }: { name: string; onAdd: (a: Absence) => WriteResult }) {
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!start) return setError("Pick the first day away.");
    const r = onAdd({ start, end: end || start, note: note.trim() });
    if (!r.ok) return setError(r.problems.map((p) => p.message).join(" "));
    setStart("");
    setEnd("");
    setNote("");
    setError(null);
  };
  return (
    <form onSubmit={submit} className="mt-1 flex flex-wrap items-center gap-1">
      <input
        type="date"
        aria-label={`First day away, ${name}`}
        value={start}
        onChange={(e) => setStart(e.target.value)}
        className={inputClass(false)}
      />
      <input
        type="date"
        aria-label={`Last day away, ${name}`}
        value={end}
        onChange={(e) => setEnd(e.target.value)}
        className={inputClass(false)}
      />
      <input
        aria-label={`Why ${name} is away`}
        placeholder="Note"
        maxLength={100}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        className={inputClass(false)}
      />
      <Button type="submit" size="sm">
        Add absence
      </Button>
      {error && (
        <p role="alert" className="basis-full text-xs text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
