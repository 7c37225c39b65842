"use client";

import type { ReactNode } from "react";

/** What a list or section says while it has nothing in it. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="mt-4 rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">{children}</p>
  );
}
