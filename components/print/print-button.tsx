"use client";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (Save as PDF gives the same document as the PDF export). */
export function PrintButton() {
  return (
    <Button type="button" onClick={() => window.print()} variant="primary">
      Print
    </Button>
  );
}
