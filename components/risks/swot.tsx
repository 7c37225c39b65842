"use client";

import { useState, type FormEvent } from "react";
import { useEdit, useRows } from "@/components/collab/plan-data";
import { deleteRow, insertRow, nextOrder, randomUUID, updateRow, type SwotItem, type SwotQuadrant } from "@/lib/doc";
import { Button } from "@/components/ui/button";

const quadrants: { id: SwotQuadrant; title: string; tone: string }[] = [
  { id: "strengths", title: "Strengths", tone: "border-emerald-200 bg-emerald-50/50" },
  { id: "weaknesses", title: "Weaknesses", tone: "border-amber-200 bg-amber-50/50" },
  { id: "opportunities", title: "Opportunities", tone: "border-sky-200 bg-sky-50/50" },
  { id: "threats", title: "Threats", tone: "border-red-200 bg-red-50/50" },
];

/** SWOT analysis: four lists, each item its own row so two people can edit different items at once. */
export function Swot() {
  const items = useRows("swotItems");
  const { editable } = useEdit();
  return (
    <div className="min-w-0">
      <h3 className="text-sm font-medium text-slate-800">SWOT analysis</h3>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {quadrants.map((q) => (
          <Quadrant key={q.id} quadrant={q} items={items.filter((i) => i.quadrant === q.id)} editable={editable} />
        ))}
      </div>
    </div>
  );
}

function Quadrant({
  quadrant,
  items,
  editable,
}: {
  quadrant: (typeof quadrants)[number];
  items: SwotItem[];
  editable: boolean;
}) {
  const { edit } = useEdit();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    const r = edit((doc) =>
      insertRow(doc, "swotItems", {
        id: randomUUID(),
        quadrant: quadrant.id,
        text: value,
        order: nextOrder(doc, "swotItems"),
      }),
    );
    setError(r.ok ? null : r.problems.map((p) => p.message).join(" "));
    if (r.ok) setText("");
  };
  return (
    <section aria-label={quadrant.title} className={`rounded-md border p-2 ${quadrant.tone}`}>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-700">{quadrant.title}</h4>
      {items.length === 0 && !editable && <p className="mt-1 text-xs text-slate-500">Nothing noted.</p>}
      <ul className="mt-1 flex flex-col gap-1 text-sm">
        {items.map((item) => (
          <li key={item.id} className="flex items-start gap-1">
            {editable ? (
              <SwotItemEditor item={item} quadrantTitle={quadrant.title} />
            ) : (
              <span className="whitespace-pre-line">• {item.text}</span>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form onSubmit={add} className="mt-1 flex gap-1">
          <input
            aria-label={`New item in ${quadrant.title}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={1000}
            placeholder="Add…"
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm"
          />
          <Button type="submit" disabled={!text.trim()} variant="secondary" size="xs">
            Add
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}

function SwotItemEditor({ item, quadrantTitle }: { item: SwotItem; quadrantTitle: string }) {
  const { edit } = useEdit();
  // A draft is dropped when someone else changes the item meanwhile, so their words are not overwritten.
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const value = draft && draft.base === item.text ? draft.text : item.text;
  const commit = () => {
    if (draft && draft.base === item.text && draft.text !== item.text) {
      if (draft.text.trim() === "") edit((doc) => deleteRow(doc, "swotItems", item.id));
      else edit((doc) => updateRow(doc, "swotItems", item.id, { text: draft.text }));
    }
    setDraft(null);
  };
  return (
    <>
      <input
        aria-label={`${quadrantTitle} item`}
        value={value}
        maxLength={1000}
        onChange={(e) => setDraft({ base: item.text, text: e.target.value })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
          if (e.key === "Escape") setDraft(null);
        }}
        className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 py-0.5 hover:border-slate-300 focus:border-slate-400 focus:bg-white"
      />
      <Button
        type="button"
        aria-label={`Remove “${item.text}” from ${quadrantTitle}`}
        onClick={() => edit((doc) => deleteRow(doc, "swotItems", item.id))}
        variant="remove"
        size="tiny"
      >
        ✕
      </Button>
    </>
  );
}
