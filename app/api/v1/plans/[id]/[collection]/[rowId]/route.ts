import { apiRoute } from "@/lib/api";
import { deleteContentRow, getContentRow, updateContentRow } from "@/lib/services/plan-content";
import { deleteRaciCell, getRaciCell, updateRaciCell } from "@/lib/services/raci-cells";

type P = { id: string; collection: string; rowId: string };

const withEtag = ({ row, etag }: { row: unknown; etag: string }) =>
  Response.json({ data: row }, { headers: { ETag: etag } });

export const GET = apiRoute<P>(async ({ principal, params: { id, collection, rowId } }) =>
  withEtag(
    collection === "raci"
      ? await getRaciCell(principal, id, rowId)
      : await getContentRow(principal, id, collection, rowId),
  ),
);

export const PATCH = apiRoute<P>(async ({ req, principal, params: { id, collection, rowId }, body }) => {
  const input = await body();
  const ifMatch = req.headers.get("if-match");
  return withEtag(
    collection === "raci"
      ? await updateRaciCell(principal, id, rowId, input, ifMatch)
      : await updateContentRow(principal, id, collection, rowId, input, ifMatch),
  );
});

export const DELETE = apiRoute<P>(async ({ req, principal, params: { id, collection, rowId } }) => {
  const ifMatch = req.headers.get("if-match");
  if (collection === "raci") await deleteRaciCell(principal, id, rowId, ifMatch);
  else await deleteContentRow(principal, id, collection, rowId, ifMatch);
  return null;
});
