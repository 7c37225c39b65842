/**
 * Security headers as a browser receives them on a page, an API route and the read-only link page.
 * (That the app's own pages satisfy the policy is checked for the whole run by e2e/csp-teardown.ts.)
 */
import { expect, test } from "@playwright/test";
import { App, uniqueEmail } from "../fixtures";
import { callAction, form } from "./actions";

const common = (h: Record<string, string>) => {
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["content-security-policy"]).toContain("base-uri 'self'");
  expect(h["x-powered-by"]).toBeUndefined();
};

test("pages, API routes and the read-only link page carry the security headers", async ({
  page,
  baseURL,
  playwright,
}) => {
  const signin = await page.goto("/signin");
  const h = signin!.headers();
  common(h);
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  // Scripts run only with this response's nonce; no 'unsafe-inline' for scripts.
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(h["content-security-policy"]!)?.[1];
  expect(nonce).toBeTruthy();
  expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  const again = (await page.request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce!);

  const api = await page.request.get("/api/health");
  common(api.headers());
  expect(api.headers()["content-type"]).toContain("application/json");

  // A read-only link: the token must never leave in a Referer, nor be cached or indexed.
  const app = new App(page);
  await app.signUp("Hal Headers", uniqueEmail("hal"));
  // The session cookie is out of reach of scripts and not sent on cross-site subrequests.
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await app.createWorkspace("Headers");
  const planId = await app.createPlan("Linked plan");
  const created = await callAction(
    page.request,
    baseURL!,
    `/plans/${planId}/share`,
    "createShareLinkAction",
    form({ planId, label: "", expiresInDays: "" }),
  );
  const path = /\/s\/[A-Za-z0-9_-]{20,}/.exec(created.text)![0];
  const anon = await playwright.request.newContext({ baseURL });
  const shared = await anon.get(path);
  expect(shared.status()).toBe(200);
  common(shared.headers());
  expect(shared.headers()["referrer-policy"]).toBe("no-referrer");
  expect(shared.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(shared.headers()["cache-control"]).toContain("no-store");
  expect(await shared.text()).toContain('<meta name="referrer" content="no-referrer"');
  const sharedApi = await anon.get(`/api/v1/shared/${path.split("/").pop()}`);
  expect(sharedApi.headers()["referrer-policy"]).toBe("no-referrer");
  common(sharedApi.headers());
  const csv = await anon.get(`/api/v1/plans/${planId}/risks.csv?token=${path.split("/").pop()}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["referrer-policy"]).toBe("no-referrer");
  await anon.dispose();
});

test("cookie-authenticated API writes from another site are refused; the same write with this site's Origin passes", async ({
  page,
  baseURL,
}) => {
  const app = new App(page);
  await app.signUp("Cy Csrf", uniqueEmail("cy"));
  const evil = await page.request.post("/api/v1/workspaces", {
    data: { name: "From elsewhere" },
    headers: { Origin: "https://evil.example" },
  });
  expect(evil.status()).toBe(403);
  const none = await page.request.post("/api/v1/workspaces", { data: { name: "No origin" } });
  expect(none.status()).toBe(403);
  const ours = await page.request.post("/api/v1/workspaces", {
    data: { name: "From here" },
    headers: { Origin: baseURL! },
  });
  expect(ours.status()).toBe(201);
  // Server actions: Next.js refuses an action whose Origin is not this host.
  const res = await page.request.post("/settings", {
    headers: { "Next-Action": "0".repeat(42), Origin: "https://evil.example", Accept: "text/x-component" },
    data: "[]",
    failOnStatusCode: false,
  });
  expect(res.status()).toBeGreaterThanOrEqual(400);
  const names = JSON.stringify((await (await page.request.get("/api/v1/workspaces")).json()).data);
  expect(names).toContain("From here");
  expect(names).not.toMatch(/From elsewhere|No origin/);
});
