"use client";

import type { ReactNode } from "react";

/** Shared bits of section bodies: an empty state and a definition list. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="mt-4 rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">{children}</p>
  );
}
