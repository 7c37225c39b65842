import { apiRoute } from "@/lib/api";
import { exportFilename, exportPlanMarkdown } from "@/lib/services/exports";

export const GET = apiRoute<{ id: string }>(async ({ principal, params, req }) => {
  const { title, markdown } = await exportPlanMarkdown(principal, params.id);
  const disposition = req.nextUrl.searchParams.get("inline") === "1" ? "inline" : "attachment";
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `${disposition}; filename="${exportFilename(title, "md")}"`,
      "cache-control": "private, no-store",
    },
  });
});
