"use client";

/** The plan's working calendar: which weekdays are worked, and holidays (team days off too). */
import { useState, type FormEvent } from "react";
import { useEdit, useRows, useSettings } from "@/components/collab/plan-data";
import { deleteRow, insertRow, randomUUID, setSetting } from "@/lib/doc";
import { Button } from "@/components/ui/button";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function CalendarEditor() {
  const settings = useSettings();
  const holidays = useRows("holidays");
  const { editable, edit } = useEdit();
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const toggle = (d: number) => {
    const next = settings.workingWeekdays.includes(d)
      ? settings.workingWeekdays.filter((x) => x !== d)
      : [...settings.workingWeekdays, d].sort();
    const r = edit((doc) => setSetting(doc, "workingWeekdays", next));
    setError(r.ok ? null : r.problems[0]!.message);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    const r = edit((doc) => insertRow(doc, "holidays", { id: randomUUID(), date, name: name.trim() || "Holiday" }));
    setError(r.ok ? null : r.problems[0]!.message);
    if (r.ok) {
      setDate("");
      setName("");
    }
  };
  return (
    <details className="mt-3 rounded-md border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium">Working calendar</summary>
      <fieldset className="mt-2 flex flex-wrap gap-3" disabled={!editable}>
        <legend className="mb-1 text-slate-600">Working days</legend>
        {DAYS.map((label, d) => (
          <label key={d} className="flex items-center gap-1">
            <input type="checkbox" checked={settings.workingWeekdays.includes(d)} onChange={() => toggle(d)} />
            {label}
          </label>
        ))}
      </fieldset>
      <h4 className="mt-3 text-slate-600">Holidays and days off</h4>
      {holidays.length === 0 ? (
        <p className="text-slate-500">No holidays.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {[...holidays]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((h) => (
              <li key={h.id} className="flex items-center gap-2">
                <span className="tabular-nums">{h.date}</span> <span>{h.name}</span>
                {editable && (
                  <Button
                    type="button"
                    aria-label={`Remove holiday ${h.name} on ${h.date}`}
                    onClick={() => edit((doc) => deleteRow(doc, "holidays", h.id))}
                    variant="remove"
                    size="tiny"
                  >
                    ✕
                  </Button>
                )}
              </li>
            ))}
        </ul>
      )}
      {editable && (
        <form onSubmit={add} className="mt-2 flex flex-wrap gap-2">
          <input
            type="date"
            aria-label="Holiday date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
            className="rounded border border-slate-300 px-1.5 py-1"
          />
          <input
            aria-label="Holiday name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            placeholder="Name (e.g. Team offsite)"
            className="rounded border border-slate-300 px-1.5 py-1"
          />
          <Button type="submit" variant="primary">
            Add holiday
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      )}
    </details>
  );
}
