"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { mentionToken } from "@/lib/validation/comments";

type Person = { id: string; name: string };

/** The "@query" being typed just before the caret, if any. */
function queryAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, query: m[2]! } : null;
}

/**
 * Turn the "@Name" a person picked from the list into mention tokens; anything else typed with an
 * "@" stays text. Longer names first, so "@Ann Lee" is not taken for "@Ann".
 */
export function withMentionTokens(text: string, picked: Person[]): string {
  let out = text;
  for (const p of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    out = out.split(`@${p.name}`).join(mentionToken(p.name, p.id));
  }
  return out;
}

/**
 * A textarea that suggests workspace members after "@": arrows move, Enter or Tab picks, Escape closes.
 * Reports picked people so the body can carry their ids.
 */
export function MentionTextarea({
  value,
  onChange,
  members,
  onPick,
  label,
  maxLength,
  invalid,
  describedBy,
}: {
  value: string;
  onChange: (v: string) => void;
  members: Person[];
  onPick: (p: Person) => void;
  label: string;
  maxLength: number;
  invalid?: boolean;
  describedBy?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = at ? members.filter((m) => m.name.toLowerCase().includes(at.query.toLowerCase())).slice(0, 6) : [];
  const open = matches.length > 0;

  const sync = (text: string, caret: number) => {
    setAt(queryAt(text, caret));
    setActive(0);
  };

  const pick = (p: Person) => {
    if (!at) return;
    const caret = at.start + 1 + at.query.length;
    const next = `${value.slice(0, at.start)}@${p.name} ${value.slice(caret)}`;
    onChange(next);
    onPick(p);
    setAt(null);
    const pos = at.start + p.name.length + 2;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(pos, pos);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      pick(matches[active]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setAt(null);
    }
  };

  return (
    <div className="relative">
      <textarea
        ref={ref}
        aria-label={label}
        // A textarea may not take the combobox role; the list is tied to it by controls/activedescendant.
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={value}
        maxLength={maxLength}
        rows={3}
        placeholder="Write a comment — type @ to mention someone"
        onChange={(e) => {
          onChange(e.target.value);
          sync(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setAt(null), 150)}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Mention someone"
        hidden={!open}
        className="absolute z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {matches.map((m, i) => (
          <li
            key={m.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(m);
            }}
            className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-indigo-50 text-indigo-800" : ""}`}
          >
            {m.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
