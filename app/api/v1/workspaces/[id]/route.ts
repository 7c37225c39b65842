import { apiRoute } from "@/lib/api";
import { deleteWorkspace, getWorkspace, renameWorkspace } from "@/lib/services/workspaces";

type P = { id: string };

export const GET = apiRoute<P>(({ principal, params }) => getWorkspace(principal, params.id));
export const PATCH = apiRoute<P>(async ({ principal, params, body }) =>
  renameWorkspace(principal, params.id, await body()),
);
export const DELETE = apiRoute<P>(async ({ principal, params }) => {
  await deleteWorkspace(principal, params.id);
  return null;
});
