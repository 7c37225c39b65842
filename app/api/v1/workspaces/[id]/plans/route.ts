import { apiRoute } from "@/lib/api";
import { createPlan, listWorkspacePlans } from "@/lib/services/plans";

type P = { id: string };

export const GET = apiRoute<P>(({ principal, params, req }) =>
  listWorkspacePlans(principal, params.id, {
    archived: req.nextUrl.searchParams.get("archived") === "true",
    priority: req.nextUrl.searchParams.get("priority") ?? undefined,
  }),
);
export const POST = apiRoute<P>(async ({ principal, params, body }) => createPlan(principal, params.id, await body()), {
  status: 201,
});
