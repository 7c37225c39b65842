"use client";

import { useState, type FormEvent } from "react";
import { setSetting, type WriteResult } from "@/lib/doc";
import { defaultRiskBands, validateBands } from "@/lib/plan/risk";
import type { RiskBand } from "@/lib/plan/types";
import type * as Y from "yjs";
import { bandClasses } from "./scales";
import { Button } from "@/components/ui/button";

type Edit = (fn: (doc: Y.Doc) => WriteResult | void) => WriteResult;

/** The plan's score bands as a legend; editors can change them (each score 1–25 in exactly one band). */
export function BandSettings({ bands, editable, edit }: { bands: readonly RiskBand[]; editable: boolean; edit: Edit }) {
  const [draft, setDraft] = useState<RiskBand[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const change = (i: number, patch: Partial<RiskBand>) =>
    setDraft((d) => d && d.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const found = validateBands(draft);
    if (found.length === 0) {
      const r = edit((doc) => setSetting(doc, "riskBands", draft));
      if (!r.ok) found.push(...r.problems.map((p) => p.message));
    }
    setProblems(found);
    if (found.length === 0) setDraft(null);
  };
  return (
    <div className="mt-3">
      <ul aria-label="Score bands" className="flex flex-wrap gap-1.5 text-xs">
        {bands.map((b) => (
          <li key={b.id} className={`rounded border px-1.5 py-0.5 ${bandClasses[b.id]}`}>
            {b.label} {b.min === b.max ? b.min : `${b.min}–${b.max}`}
          </li>
        ))}
      </ul>
      {editable && !draft && (
        <button
          type="button"
          onClick={() => (setDraft(bands.map((b) => ({ ...b }))), setProblems([]))}
          className="mt-2 text-xs font-medium text-indigo-700 hover:underline"
        >
          Change score bands
        </button>
      )}
      {editable && draft && (
        <form onSubmit={save} aria-label="Score bands" className="mt-2 rounded-md border border-slate-200 p-3 text-sm">
          <table className="w-full">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="font-medium">Band</th>
                <th className="font-medium">From score</th>
                <th className="font-medium">To score</th>
              </tr>
            </thead>
            <tbody>
              {draft.map((b, i) => (
                <tr key={b.id}>
                  <td className="py-0.5 pr-2">
                    <input
                      aria-label={`Name of the ${b.id} band`}
                      value={b.label}
                      maxLength={40}
                      onChange={(e) => change(i, { label: e.target.value })}
                      className="w-full rounded border border-slate-300 px-1.5 py-0.5"
                    />
                  </td>
                  <td className="py-0.5 pr-2">
                    <input
                      aria-label={`Lowest score of ${b.label || b.id}`}
                      type="number"
                      min={1}
                      max={25}
                      step={1}
                      value={b.min}
                      onChange={(e) => change(i, { min: e.target.valueAsNumber })}
                      className="w-16 rounded border border-slate-300 px-1.5 py-0.5"
                    />
                  </td>
                  <td className="py-0.5">
                    <input
                      aria-label={`Highest score of ${b.label || b.id}`}
                      type="number"
                      min={1}
                      max={25}
                      step={1}
                      value={b.max}
                      onChange={(e) => change(i, { max: e.target.valueAsNumber })}
                      className="w-16 rounded border border-slate-300 px-1.5 py-0.5"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > 0 && (
            <ul role="alert" className="mt-2 list-disc pl-5 text-xs text-red-700">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="mt-2 flex flex-wrap gap-2">
            <Button type="submit" variant="primary" size="sm">
              Save bands
            </Button>
            <Button
              type="button"
              onClick={() => setDraft(defaultRiskBands.map((b) => ({ ...b })))}
              variant="secondary"
              size="sm"
            >
              Defaults
            </Button>
            <Button type="button" onClick={() => (setDraft(null), setProblems([]))} variant="ghost" size="sm">
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
