import type { ReactNode } from "react";

/** Pages meant for paper: no app header, white background, A4 pages with margins. */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {/* The Gantt chart prints on landscape pages of its own (named page "gantt"). */}
      <style>
        {"@page { size: A4; margin: 16mm 14mm; } @page gantt { size: A4 landscape; margin: 10mm; } " +
          "@media print { html, body { background: #fff; } .pw-gantt-page { page: gantt; break-before: page; break-inside: avoid; } }"}
      </style>
      {children}
    </>
  );
}
