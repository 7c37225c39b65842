import Link from "next/link";
import { ButtonAnchor } from "@/components/ui/button";
import { PrintButton } from "./print-button";

/** Screen-only bar above the printed plan: back to the plan, print, and the two downloads. */
export function PrintToolbar({ planId }: { planId: string }) {
  return (
    <nav aria-label="Print view" className="border-b border-slate-200 bg-slate-50 print:hidden">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-8 py-3">
        <Link href={`/plans/${planId}`} className="text-sm text-indigo-700 hover:underline">
          ← Back to the plan
        </Link>
        <div className="flex flex-wrap gap-2">
          <PrintButton />
          <ButtonAnchor href={`/api/v1/plans/${planId}/export.pdf`} variant="secondary">
            Download PDF
          </ButtonAnchor>
          <ButtonAnchor href={`/api/v1/plans/${planId}/export.md`} variant="secondary">
            Download Markdown
          </ButtonAnchor>
        </div>
      </div>
    </nav>
  );
}
