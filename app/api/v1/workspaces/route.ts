import { apiRoute } from "@/lib/api";
import { createWorkspace, listMyWorkspaces } from "@/lib/services/workspaces";

export const GET = apiRoute(({ principal }) => listMyWorkspaces(principal));
export const POST = apiRoute(async ({ principal, body }) => createWorkspace(principal, await body()), { status: 201 });
