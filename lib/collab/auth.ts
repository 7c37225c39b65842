/**
 * Who may open `/collab/<planId>`: decided before the websocket upgrade, through lib/access, and
 * re-checked while the socket is open (`recheckIdentity`, driven by rechecks.ts). A session cookie
 * names a user (role from plan membership); a `?token=` names a share link, resolved through
 * `resolveShareToken` (read-only). Anything else is refused.
 */
import type { IncomingMessage } from "node:http";
import { decode } from "next-auth/jwt";
import { z } from "zod";
import { sessionVersionOf } from "@/db/queries/users";
import { requirePlan, type PlanRole } from "@/lib/access";
import { AppError } from "@/lib/errors";

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Whoever holds a connection. `key` groups connections for the per-user limit. */
export type CollabIdentity = {
  key: string;
  /** The signed-in user, or null for a share link. */
  userId: string | null;
  /** Set for share links: the link's id, so revoking it can close its sockets. */
  shareTokenId: string | null;
  role: PlanRole;
  readOnly: boolean;
  /** When a share link stops working (epoch ms); its sockets close then. */
  expiresAt?: number | null;
};

/** Resolves a share token for a plan; null when unknown, revoked, expired or for another plan. */
export type ShareTokenResolver = (
  token: string,
  planId: string,
) => Promise<{ tokenId: string; expiresAt?: Date | null } | null>;

export type UpgradeDecision =
  | { ok: true; planId: string; identity: CollabIdentity }
  | { ok: false; status: 400 | 401 | 403 | 404 | 503; reason: string };

const planIdSchema = z.uuid();
const tokenSchema = z.string().min(8).max(200);
const sessionSchema = z.object({ uid: z.string().min(1), sv: z.number().int().optional() });

/** The plan id of a `/collab/<planId>` path, or null. */
export function planIdFromPath(path: string): string | null {
  const m = /^\/collab\/([^/?#]+)\/?$/.exec(path);
  if (!m) return null;
  const parsed = planIdSchema.safeParse(decodeURIComponent(m[1]!));
  return parsed.success ? parsed.data.toLowerCase() : null;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      // an undecodable cookie is not ours
    }
  }
  return out;
}

/** next-auth splits large sessions into `name.0`, `name.1`, …; join them back. */
function sessionCookie(cookies: Map<string, string>, name: string): string | undefined {
  const whole = cookies.get(name);
  if (whole) return whole;
  let joined = "";
  for (let i = 0; cookies.has(`${name}.${i}`); i++) joined += cookies.get(`${name}.${i}`);
  return joined || undefined;
}

/** The user id in the request's session cookie, or null for none / forged / expired. */
export async function userIdFromCookies(header: string | undefined, secret: string): Promise<string | null> {
  const cookies = parseCookies(header);
  for (const salt of SESSION_COOKIES) {
    const token = sessionCookie(cookies, salt);
    if (!token) continue;
    let payload;
    try {
      payload = await decode({ token, secret, salt });
    } catch {
      // not decryptable with our secret: treated as no session
    }
    const parsed = sessionSchema.safeParse(payload);
    // A session issued before a password reset is over (lib/auth.ts checks the same for pages).
    if (parsed.success && ((await sessionVersionOf(parsed.data.uid)) ?? 0) === (parsed.data.sv ?? 0))
      return parsed.data.uid;
  }
  return null;
}

/** Browsers send Origin on websocket handshakes; refuse pages of other sites riding the cookie. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const host = (req.headers["x-forwarded-host"] as string | undefined)?.split(",")[0]?.trim() ?? req.headers.host;
  try {
    return Boolean(host) && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refusal(err: unknown): UpgradeDecision {
  if (err instanceof AppError && (err.status === 401 || err.status === 403 || err.status === 404)) {
    return { ok: false, status: err.status, reason: err.message };
  }
  console.error("[collab] access check failed:", err instanceof Error ? err.message : err);
  return { ok: false, status: 503, reason: "Access could not be checked" };
}

/** Authorize a user principal on a plan through lib/access. */
export async function identityForUser(userId: string, planId: string): Promise<CollabIdentity> {
  const { role } = await requirePlan({ kind: "user", userId }, planId, "read");
  return { key: `user:${userId}`, userId, shareTokenId: null, role, readOnly: role === "viewer" };
}

/** Decide an upgrade request: plan from the path, then share token or session cookie. */
export async function authorizeUpgrade(
  req: IncomingMessage,
  opts: { secret: string; resolveShareToken?: ShareTokenResolver },
): Promise<UpgradeDecision> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const planId = planIdFromPath(url.pathname);
  if (!planId) return { ok: false, status: 404, reason: "No such plan" };
  if (!sameOrigin(req)) return { ok: false, status: 403, reason: "Cross-site websocket refused" };

  const token = url.searchParams.get("token");
  if (token !== null) {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success || !opts.resolveShareToken) return { ok: false, status: 401, reason: "Unknown link" };
    try {
      const link = await opts.resolveShareToken(parsed.data, planId);
      if (!link) return { ok: false, status: 401, reason: "Unknown link" };
      return {
        ok: true,
        planId,
        identity: {
          key: `share:${link.tokenId}`,
          userId: null,
          shareTokenId: link.tokenId,
          role: "viewer",
          readOnly: true,
          expiresAt: link.expiresAt ? link.expiresAt.getTime() : null,
        },
      };
    } catch (err) {
      return refusal(err);
    }
  }

  try {
    const userId = await userIdFromCookies(req.headers.cookie, opts.secret);
    if (!userId) return { ok: false, status: 401, reason: "Sign in to continue" };
    return { ok: true, planId, identity: await identityForUser(userId, planId) };
  } catch (err) {
    return refusal(err);
  }
}

/** Re-check a live connection's access; the role it holds now, or null when it lost access. */
export async function recheckIdentity(
  identity: CollabIdentity,
  planId: string,
  resolveShareToken: ShareTokenResolver | undefined,
  token: string | null,
): Promise<CollabIdentity | null> {
  try {
    if (identity.shareTokenId) {
      const link = token && resolveShareToken ? await resolveShareToken(token, planId) : null;
      return link ? identity : null;
    }
    if (!identity.userId) return null;
    return await identityForUser(identity.userId, planId);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}
