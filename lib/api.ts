import "server-only";
import type { NextRequest } from "next/server";
import type { Principal } from "@/lib/access";
import { getPrincipal } from "@/lib/auth";
import { AppError, ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { principalFromToken } from "@/lib/services/tokens";

type Ctx<P> = { req: NextRequest; principal: Principal | null; params: P; body: () => Promise<unknown> };

export class BadRequestError extends AppError {
  constructor(message: string) {
    super(message, 400);
  }
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who calls: a bearer token (personal API token) or the session cookie. Cookie-authenticated
 * writes must come from this site (Origin check), so other sites cannot ride a session.
 */
async function principalFor(req: NextRequest): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await principalFromToken(match[1]!) : null;
    if (!principal) throw new UnauthorizedError("The API token is invalid or has been revoked.");
    return principal;
  }
  const principal = await getPrincipal();
  if (principal && !SAFE.has(req.method)) {
    const origin = req.headers.get("origin");
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    if (!origin || !host || new URL(origin).host !== host) {
      throw new ForbiddenError("Cross-site request refused. Send writes from Planwright itself or use an API token.");
    }
  }
  return principal;
}

async function readJson(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body is not valid JSON.");
  }
}

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    return Response.json(
      { error: { status: err.status, message: err.message, ...(err.fieldErrors ? { fields: err.fieldErrors } : {}) } },
      { status: err.status },
    );
  }
  console.error("[api]", err);
  return Response.json(
    { error: { status: 500, message: "Something went wrong on our side. Nothing was changed." } },
    { status: 500 },
  );
}

/**
 * The one wrapper for /api/v1 route handlers: resolves the principal, parses JSON on demand and
 * renders typed errors. Authorization happens in the services, through lib/access.
 * A handler returns data (sent as `{ data }`, status 200 or `status`), null for 204, or a Response as is.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: Ctx<P>) => Promise<unknown>,
  opts: { status?: number } = {},
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = await principalFor(req);
      if (!principal) throw new UnauthorizedError("Sign in or send an API token (Authorization: Bearer <token>).");
      const params = await context.params;
      const data = await handler({ req, principal, params, body: () => readJson(req) });
      if (data === null) return new Response(null, { status: 204 });
      // Downloads (PDF, Markdown) hand back their own response.
      if (data instanceof Response) return data;
      return Response.json({ data }, { status: opts.status ?? 200 });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
