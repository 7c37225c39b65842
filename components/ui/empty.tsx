import type { ReactNode } from "react";

/** What a list or section says while it has nothing in it; `className` places it (a top margin by default). */
export function Empty({ children, className = "mt-4" }: { children: ReactNode; className?: string }) {
  return (
    <p className={`${className} rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500`}>
      {children}
    </p>
  );
}
