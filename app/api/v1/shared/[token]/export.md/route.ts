import { errorResponse } from "@/lib/api";
import { exportFilename, exportPlanMarkdown } from "@/lib/services/exports";
import { requireShareToken } from "@/lib/services/sharing";

/** The plan as Markdown for a link that allows downloads (403 otherwise, 404 once revoked or expired). */
export async function GET(_req: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const principal = await requireShareToken((await context.params).token);
    const { title, markdown } = await exportPlanMarkdown(principal, principal.planId);
    return new Response(markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFilename(title, "md")}"`,
        "cache-control": "private, no-store",
        "referrer-policy": "no-referrer",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
