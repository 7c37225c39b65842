import { apiRoute } from "@/lib/api";
import { getMembers, inviteMember } from "@/lib/services/workspaces";

type P = { id: string };

export const GET = apiRoute<P>(({ principal, params }) => getMembers(principal, params.id));
export const POST = apiRoute<P>(
  async ({ principal, params, body }) => inviteMember(principal, params.id, await body()),
  {
    status: 201,
  },
);
