"use client";

/**
 * One link's kind and lag, as a small form: in a popover over the chart (a clicked arrow, a link
 * just drawn) and inside the task popup. Keyboard-usable throughout, so no link needs a drag.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Dependency, DependencyType, Task } from "@/lib/plan/types";
import { Button } from "@/components/ui/button";
import type { LinkDraft } from "./use-link-edits";

export const KIND_NAMES: Record<DependencyType, string> = {
  FS: "Finish → start",
  SS: "Start → start",
  FF: "Finish → finish",
  SF: "Start → finish",
};
export const field = "min-h-6 rounded border border-slate-300 px-1 text-sm";

/** Why a form's change was refused, on a line of its own under the form's fields. */
export function Refusal({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="w-full text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

/** The four kinds of link, as the options of a select. */
export function KindOptions() {
  return (Object.keys(KIND_NAMES) as DependencyType[]).map((k) => (
    <option key={k} value={k}>
      {k} · {KIND_NAMES[k]}
    </option>
  ));
}

export function LinkForm({
  draft,
  editable,
  onSave,
  onRemove,
  onDone,
}: {
  draft: LinkDraft;
  editable: boolean;
  /** Returns why the link was refused, or null. */
  onSave: (draft: LinkDraft) => string | null;
  onRemove?: () => void;
  onDone: () => void;
}) {
  const [type, setType] = useState<DependencyType>(draft.type);
  const [lag, setLag] = useState(String(draft.lag));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(lag);
    const refusal = Number.isInteger(n) ? onSave({ ...draft, type, lag: n }) : "The lag is a whole number of days.";
    setError(refusal);
    if (!refusal) onDone();
  };
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 text-sm"
      aria-label="Link"
      data-testid="link-form"
    >
      <label className="flex flex-col text-xs text-slate-600">
        Kind
        <select
          ref={first}
          aria-label="Link kind"
          value={type}
          disabled={!editable}
          onChange={(e) => setType(e.target.value as DependencyType)}
          className={field}
        >
          <KindOptions />
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        Lag (working days)
        <input
          aria-label="Lag in working days"
          type="number"
          step={1}
          value={lag}
          disabled={!editable}
          onChange={(e) => setLag(e.target.value)}
          className={`${field} w-20`}
        />
      </label>
      {editable && (
        <Button type="submit" variant="primary" size="sm" className="min-h-6">
          Save link
        </Button>
      )}
      {editable && onRemove && (
        <Button type="button" variant="ghost-danger" size="sm" className="min-h-6" onClick={onRemove}>
          Delete link
        </Button>
      )}
      <Button type="button" variant="ghost" size="sm" className="min-h-6" onClick={onDone}>
        {editable ? "Cancel" : "Close"}
      </Button>
      <Refusal error={error} />
    </form>
  );
}

/** The link form floating over the chart at a point of the screen (kept inside the window). */
export function LinkPopover({
  at,
  title,
  ...form
}: Parameters<typeof LinkForm>[0] & { at: { x: number; y: number }; title: string }) {
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === "Escape" && form.onDone();
    document.addEventListener("keydown", esc);
    return () => document.removeEventListener("keydown", esc);
  });
  const left = Math.max(8, Math.min(at.x, (typeof window === "undefined" ? 1024 : window.innerWidth) - 360));
  return (
    <div
      role="dialog"
      aria-label={title}
      data-testid="link-popover"
      className="fixed z-50 w-[22rem] rounded-md border border-slate-300 bg-white p-3 shadow-lg"
      style={{ left, top: at.y + 8 }}
    >
      <p className="mb-2 text-sm font-medium break-words">{title}</p>
      <LinkForm key={form.draft.id ?? "new"} {...form} />
    </div>
  );
}

/** The popover of the link a click on its arrow (or drawing it) opened. */
export function OpenLink({
  open,
  deps,
  byId,
  ...form
}: {
  open: { id: string; at: { x: number; y: number } } | null;
  deps: readonly Dependency[];
  byId: ReadonlyMap<string, Task>;
  editable: boolean;
  onSave: (d: LinkDraft) => string | null;
  onRemove: (id: string) => void;
  onDone: () => void;
}) {
  const dep = open && deps.find((d) => d.id === open.id);
  if (!open || !dep) return null;
  const name = (id: string) => byId.get(id)?.name.trim() || "Untitled task";
  return (
    <LinkPopover
      at={open.at}
      title={`Link: ${name(dep.from)} → ${name(dep.to)}`}
      draft={dep}
      editable={form.editable}
      onSave={form.onSave}
      onRemove={() => form.onRemove(dep.id)}
      onDone={form.onDone}
    />
  );
}
