import type { NextRequest } from "next/server";
import { apiRoute, errorResponse } from "@/lib/api";
import { exportPlanCsv, sharePrincipalFor, type PlanCsv } from "@/lib/services/risk-raci-csv";

type P = { id: string };

const csv = ({ filename, body }: PlanCsv, extra: Record<string, string> = {}) =>
  new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      ...extra,
    },
  });

const forMembers = apiRoute<P>(async ({ principal, params }) => csv(await exportPlanCsv(principal, params.id, "raci")));

/**
 * The plan's RACI grid as CSV for anyone who may read it: members (session or API token), or the
 * holder of a read-only link with `?token=<link token>`.
 */
export async function GET(req: NextRequest, context: { params: Promise<P> }) {
  const token = req.nextUrl.searchParams.get("token");
  if (token === null) return forMembers(req, context);
  try {
    const { id } = await context.params;
    return csv(await exportPlanCsv(await sharePrincipalFor(token), id, "raci"), { "Referrer-Policy": "no-referrer" });
  } catch (err) {
    return errorResponse(err);
  }
}
