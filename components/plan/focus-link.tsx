"use client";

import type { MouseEvent, ReactNode } from "react";

/**
 * Bring a row into view and put the keyboard on it: its first field when it has one (so the thing to
 * fix can be typed at once), else the row itself. Rows carry the id `row-<id>`.
 * Returns false when no such row is on the page.
 */
export function focusRow(rowId: string): boolean {
  const row = document.getElementById(`row-${rowId}`);
  if (!row) return false;
  row.scrollIntoView({ block: "center", behavior: "smooth" });
  const field = row.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select, [contenteditable=true]");
  (field ?? row).focus({ preventScroll: true });
  return true;
}

/**
 * A link to the place to fix something: the section's anchor, and, when the row is on the page,
 * focus on that row. Works as a plain anchor without script.
 */
export function FocusLink({
  section,
  rowId,
  children,
  className = "text-indigo-700 underline hover:text-indigo-900",
}: {
  section: string;
  rowId: string | null;
  children: ReactNode;
  className?: string;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!rowId || e.metaKey || e.ctrlKey || e.shiftKey) return;
    if (focusRow(rowId)) {
      e.preventDefault();
      history.replaceState(null, "", `#${section}`);
    }
  };
  return (
    <a href={`#${section}`} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
