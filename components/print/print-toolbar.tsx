import Link from "next/link";
import { PrintButton } from "./print-button";

/** Screen-only bar above the printed plan: back to the plan, print, and the two downloads. */
export function PrintToolbar({ planId }: { planId: string }) {
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label="Print view" className="border-b border-slate-200 bg-slate-50 print:hidden">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-8 py-3">
        <Link href={`/plans/${planId}`} className="text-sm text-indigo-700 hover:underline">
          ← Back to the plan
        </Link>
        <div className="flex flex-wrap gap-2">
          <PrintButton />
          <a href={`/api/v1/plans/${planId}/export.pdf`} className={link}>
            Download PDF
          </a>
          <a href={`/api/v1/plans/${planId}/export.md`} className={link}>
            Download Markdown
          </a>
        </div>
      </div>
    </nav>
  );
}
