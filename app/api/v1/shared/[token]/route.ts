import { errorResponse } from "@/lib/api";
import { getSharedPlan } from "@/lib/services/sharing";

/**
 * What a read-only link shows, as JSON: the plan's title, status and summary, or 404 once the link
 * is revoked or expired. Anyone holding the link may call it; views are counted by the page only.
 */
export async function GET(_req: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await context.params;
    const { plan, workspaceName } = await getSharedPlan(token);
    return Response.json(
      {
        data: {
          id: plan.id,
          title: plan.title,
          status: plan.status,
          summary: plan.summary,
          workspaceName,
          updatedAt: plan.updatedAt,
        },
      },
      { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } },
    );
  } catch (err) {
    return errorResponse(err);
  }
}
