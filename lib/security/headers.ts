/**
 * Security headers for every HTTP response, set in server.ts before Next.js handles the request.
 * The Content Security Policy carries a fresh nonce per request; Next.js reads it from the request's
 * own `content-security-policy` header and puts it on the scripts it renders.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Header carrying the caller's address to the app (whatever the client sent is replaced). */
export const CLIENT_IP_HEADER = "x-planwright-client-ip";

export type HeaderOptions = {
  dev: boolean;
  /** Trust X-Forwarded-For from a reverse proxy in front of us. */
  trustProxy: boolean;
  /** Hosts a sign-in form may redirect to (OAuth providers that are switched on). */
  oauthHosts: string[];
};

export function contentSecurityPolicy(nonce: string, opts: Pick<HeaderOptions, "dev" | "oauthHosts">): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonce-bearing bootstrap load Next's chunks; 'unsafe-eval' only for dev tooling.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (presence colours, chart sizes, the timeline's geometry).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // 'self' covers the same-origin websocket (/collab) in current browsers; ws: for the dev server.
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${opts.oauthHosts.map((h) => ` https://${h}`).join("")}`,
    "frame-ancestors 'none'",
    "report-uri /api/csp-report",
  ].join("; ");
}

/**
 * Requests that carry a read-only link's token (its page, its JSON, exports with `?token=`) must never
 * pass that token on in a Referer. Set here because Next.js keeps a header already set on the response
 * over the one a route handler returns.
 */
export function referrerPolicyFor(url: string | undefined): string {
  const { pathname, searchParams } = new URL(url ?? "/", "http://localhost");
  const carriesLink = pathname.startsWith("/s/") || pathname.startsWith("/api/v1/shared/") || searchParams.has("token");
  return carriesLink ? "no-referrer" : "strict-origin-when-cross-origin";
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** Set the security headers on `res` and prepare `req` for Next.js (nonce, client address). */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, opts: HeaderOptions) {
  const nonce = randomBytes(16).toString("base64");
  const csp = contentSecurityPolicy(nonce, opts);
  req.headers["content-security-policy"] = csp;
  req.headers[CLIENT_IP_HEADER] = clientIp(req, opts.trustProxy);
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", referrerPolicyFor(req.url));
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (!opts.dev) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
