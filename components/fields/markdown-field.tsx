"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MarkdownView } from "./markdown-view";
import { TextField } from "./text-field";
import type { Commit } from "./use-draft";

/**
 * Markdown kept in a row's string field: rendered for reading, a text area while an editor edits it.
 * A row's field is one value (the long texts of a section are Y.Text, see CollabMarkdown), so two
 * people editing the same one at once keep the last save.
 */
export function MarkdownField({
  label,
  of,
  value,
  onCommit,
  editable,
  maxLength,
}: {
  label: string;
  /** The row's name, for the edit button's accessible name. */
  of: string;
  value: string;
  onCommit: Commit<string>;
  editable: boolean;
  maxLength: number;
}) {
  const [editing, setEditing] = useState(false);
  const active = editing && editable;
  return (
    <div className="mt-2">
      {active ? (
        <TextField label={label} multiline value={value} onCommit={onCommit} editable maxLength={maxLength} />
      ) : (
        <>
          <span className="block text-xs font-medium text-slate-500">{label}</span>
          {value.trim() ? <MarkdownView text={value} /> : <p className="text-sm text-slate-500">—</p>}
        </>
      )}
      {editable && (
        <Button
          type="button"
          size="sm"
          className="mt-1"
          onClick={() => setEditing(!active)}
          aria-expanded={active}
          aria-label={`${active ? "Done editing" : "Edit"} ${label.toLowerCase()} of ${of}`}
        >
          {active ? "Done" : `Edit ${label.toLowerCase()}`}
        </Button>
      )}
    </div>
  );
}
