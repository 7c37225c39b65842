import { apiRoute } from "@/lib/api";
import { idempotent } from "@/lib/services/idempotency";
import { createContentRow, listContent } from "@/lib/services/plan-content";
import { createRaciCell, listRaciCells } from "@/lib/services/raci-cells";

type P = { id: string; collection: string };

// Static siblings (schedule.csv, export.md, …) take precedence over this dynamic segment.
export const GET = apiRoute<P>(async ({ req, principal, params }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  return params.collection === "raci"
    ? listRaciCells(principal, params.id, query)
    : listContent(principal, params.id, params.collection, query);
});

export const POST = apiRoute<P>(async ({ req, principal, params, body }) => {
  const input = await body();
  const request = { method: "POST", path: req.nextUrl.pathname, body: input };
  return idempotent(principal, req.headers.get("idempotency-key"), request, async () => {
    const { row, etag } =
      params.collection === "raci"
        ? await createRaciCell(principal, params.id, input)
        : await createContentRow(principal, params.id, params.collection, input);
    return { status: 201, body: { data: row }, headers: { ETag: etag } };
  });
});
