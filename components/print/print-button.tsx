"use client";

/** Opens the browser's print dialog (Save as PDF gives the same document as the PDF export). */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
    >
      Print
    </button>
  );
}
