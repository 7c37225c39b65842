/** What a key press does to a RACI cell, and how columns and cells are named in the grid. */
import type { RaciCell, RaciColumn, RaciLetter } from "@/lib/plan/types";

export const raciLetters: readonly RaciLetter[] = ["R", "A", "C", "I"];
export const letterNames: Record<RaciLetter, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

/**
 * The edit a key asks for: a letter (typed in either case), null to clear (Delete, Backspace), or
 * undefined when the key is not an edit. Modified keys (Ctrl+C…) are never edits.
 */
export function cellEditForKey(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): RaciLetter | null | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === "Delete" || e.key === "Backspace") return null;
  const upper = e.key.length === 1 ? e.key.toUpperCase() : "";
  return (raciLetters as readonly string[]).includes(upper) ? (upper as RaciLetter) : undefined;
}

/** A column's display name: a member column follows the member's current name. */
export function columnLabel(column: RaciColumn, memberName: (userId: string) => string | null): string {
  const name = column.kind === "member" && column.userId ? (memberName(column.userId) ?? column.name) : column.name;
  return name.trim() || "Unnamed";
}

/** Cells by `${rowId}:${columnId}` for quick lookup while drawing the grid. */
export function cellIndex(cells: readonly RaciCell[]): Map<string, RaciLetter> {
  return new Map(cells.map((c) => [`${c.rowId}:${c.columnId}`, c.value]));
}
