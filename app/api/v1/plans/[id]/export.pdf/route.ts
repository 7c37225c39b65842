import { apiRoute } from "@/lib/api";
import { exportFilename, exportPlanPdf, internalOrigin } from "@/lib/services/exports";

// Chromium runs in this process's machine: Node runtime, never cached.
export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async ({ principal, params }) => {
  const { title, pdf } = await exportPlanPdf(principal, params.id, internalOrigin());
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${exportFilename(title, "pdf")}"`,
      "cache-control": "private, no-store",
    },
  });
});
