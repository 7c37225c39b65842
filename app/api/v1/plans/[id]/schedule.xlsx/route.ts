import { apiRoute } from "@/lib/api";
import { exportPlanWorkbook } from "@/lib/services/schedule-exports";

type P = { id: string };

/** The schedule, risk register, RACI grid and budget as one Excel workbook, for anyone who may read the plan. */
export const GET = apiRoute<P>(async ({ principal, params }) => {
  const { filename, body } = await exportPlanWorkbook(principal, params.id);
  return new Response(new Blob([body as BlobPart]), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
