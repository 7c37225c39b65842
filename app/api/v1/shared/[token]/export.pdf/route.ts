import { errorResponse } from "@/lib/api";
import { exportFilename, exportPlanPdf, internalOrigin } from "@/lib/services/exports";
import { requireShareToken } from "@/lib/services/sharing";

// Chromium runs in this process's machine: Node runtime, never cached.
export const runtime = "nodejs";

/** The plan as a PDF for a link that allows downloads (403 otherwise, 404 once revoked or expired). */
export async function GET(_req: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const principal = await requireShareToken((await context.params).token);
    const { title, pdf } = await exportPlanPdf(principal, principal.planId, internalOrigin());
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${exportFilename(title, "pdf")}"`,
        "cache-control": "private, no-store",
        "referrer-policy": "no-referrer",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
