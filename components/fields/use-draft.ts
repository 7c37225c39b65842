"use client";

import { useId, useState } from "react";
import type { WriteResult } from "@/lib/doc";

/** What a field's commit returns: the document writer's result, or nothing when there was nothing to write. */
export type Commit<T> = (value: T) => WriteResult | void;

/**
 * A field's local draft over a shared value. While someone types, their text is kept as a draft and
 * written on commit (blur or Enter), not letter by letter. When the write is refused the draft stays
 * as typed and the problems are shown next to it; a change from someone else replaces an untouched
 * draft of the old value.
 */
export function useDraft<T>(
  value: T,
  format: (v: T) => string,
  parse: (text: string) => { ok: true; value: T } | { ok: false; message: string },
  commit: Commit<T>,
) {
  const shown = format(value);
  const [edit, setEdit] = useState<{ base: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const draft = edit && (edit.base === shown || error) ? edit.text : null;
  const messageId = useId();

  const onChange = (text: string) => setEdit({ base: shown, text });
  const onCommit = (text: string | null = draft) => {
    if (text === null) return;
    if (text === shown) {
      setEdit(null);
      setError(null);
      return;
    }
    const parsed = parse(text);
    if (!parsed.ok) return setError(parsed.message);
    const result = commit(parsed.value);
    if (result && !result.ok) return setError(result.problems.map((p) => p.message).join(" "));
    setEdit(null);
    setError(null);
  };
  const onCancel = () => {
    setEdit(null);
    setError(null);
  };
  return {
    text: draft ?? shown,
    error,
    onChange,
    onCommit,
    onCancel,
    /** Props that tie the input to its message for assistive technology. */
    describedBy: error ? { "aria-invalid": true as const, "aria-describedby": messageId } : {},
    messageId,
  };
}
