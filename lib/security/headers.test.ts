import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, referrerPolicyFor } from "./headers";

describe("referrerPolicyFor", () => {
  it("never sends a Referer from anything that carries a read-only link's token", () => {
    for (const url of [
      "/s/abc",
      "/s/abc?x=1",
      "/api/v1/shared/abc",
      "/api/v1/plans/1/risks.csv?token=abc",
      "/api/v1/plans/1/raci.csv?a=1&token=abc",
      // Mailed single-use links (password reset, email verification) too.
      "/reset-password?token=abc",
      "/verify-email?token=abc",
    ]) {
      expect(referrerPolicyFor(url), url).toBe("no-referrer");
    }
  });

  it("keeps the origin-only default elsewhere", () => {
    for (const url of ["/", "/plans/1", "/settings?tab=tokens", "/api/v1/plans/1/risks.csv", "/sign", undefined]) {
      expect(referrerPolicyFor(url), String(url)).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("contentSecurityPolicy", () => {
  const prod = contentSecurityPolicy("n0nce", { dev: false, oauthHosts: [] });

  it("runs only scripts with the request's nonce, never inline handlers or eval in production", () => {
    expect(prod).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(prod).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it("forbids framing, plugins and foreign base URLs, and reports violations", () => {
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "report-uri /api/csp-report"])
      expect(prod).toContain(d);
  });

  it("lets sign-in forms post only to this site and the enabled OAuth providers", () => {
    expect(prod).toContain("form-action 'self';");
    expect(contentSecurityPolicy("n", { dev: false, oauthHosts: ["github.com"] })).toContain(
      "form-action 'self' https://github.com;",
    );
  });
});
