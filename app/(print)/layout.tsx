import type { ReactNode } from "react";

/** Pages meant for paper: no app header, white background, A4 pages with margins. */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{"@page { size: A4; margin: 16mm 14mm; } @media print { html, body { background: #fff; } }"}</style>
      {children}
    </>
  );
}
