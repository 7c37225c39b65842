"use client";

import { useId, useState, type FormEvent } from "react";
import type { WriteResult } from "@/lib/doc";
import { FieldMessage } from "./field-frame";
import { inputClass } from "./styles";
import { Button } from "@/components/ui/button";

/** A one-line form that adds a row by its name; keeps the text and says why when refused. */
export function AddRow({
  label,
  button,
  placeholder,
  maxLength = 200,
  onAdd,
}: {
  /** Accessible name of the input, e.g. "New objective title". */
  label: string;
  button: string;
  placeholder?: string;
  maxLength?: number;
  onAdd: (text: string) => WriteResult;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const messageId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError("Type a name first.");
    const r = onAdd(trimmed);
    if (!r.ok) return setError(r.problems.map((p) => p.message).join(" "));
    setText("");
    setError(null);
  };
  return (
    <form onSubmit={submit} className="mt-3">
      <div className="flex gap-2">
        <input
          aria-label={label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholder}
          maxLength={maxLength}
          className={`${inputClass(Boolean(error))} flex-1 py-1.5`}
          {...(error ? { "aria-invalid": true, "aria-describedby": messageId } : {})}
        />
        <Button type="submit" variant="primary" className="shrink-0">
          {button}
        </Button>
      </div>
      <FieldMessage id={messageId} message={error} />
    </form>
  );
}

/** A small remove button for a row, named after what it removes. */
export function RemoveButton({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <Button type="button" aria-label={`Remove ${what}`} onClick={onRemove} variant="remove" size="sm">
      Remove
    </Button>
  );
}
