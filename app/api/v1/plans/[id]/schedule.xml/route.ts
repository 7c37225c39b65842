import { apiRoute } from "@/lib/api";
import { exportScheduleMspdi } from "@/lib/services/schedule-exports";

type P = { id: string };

/** The schedule as MS Project XML (MSPDI), for anyone who may read the plan (docs/exports.md). */
export const GET = apiRoute<P>(async ({ principal, params }) => {
  const { filename, body } = await exportScheduleMspdi(principal, params.id);
  return new Response(body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
