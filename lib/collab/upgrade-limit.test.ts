import { randomUUID } from "node:crypto";
import { WebSocket } from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { killHard, startStandalone } from "./faults/child";
import { processMetrics } from "@/lib/metrics";
import { sessionCookie, startCollabServer, type TestServer } from "@/lib/testing/collab-harness";

useTestDatabase();

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** The upgrade's HTTP status (101 when it opened; the socket is closed again at once). */
function attempt(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", () => resolve(0));
  });
}

describe("upgrade attempts per address", () => {
  it("answers 429 before the upgrade once an address has used up its minute, counting refused attempts too", async () => {
    const u = await signUp({
      name: "Rate",
      email: `rate-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const ws = await createWorkspace({ kind: "user", userId: u.id }, { name: "Rate" });
    const planId = (await createPlan({ kind: "user", userId: u.id }, ws.id, { title: "Rate" })).id;
    const server = await startCollabServer({ config: { upgradesPerMinute: 5 }, trustProxy: true });
    servers.push(server);
    const cookie = await sessionCookie(u.id);
    const url = `${server.url}/${planId}`;
    const refusedBefore =
      (await processMetrics().refusedUpgrades.get()).values.find((v) => v.labels.status === "429")?.value ?? 0;

    // Unauthenticated attempts count as much as good ones: a reconnect loop or a scan is what this stops.
    expect(await attempt(url)).toBe(401);
    expect(await attempt(url)).toBe(401);
    for (let i = 0; i < 3; i++) expect(await attempt(url, { cookie })).toBe(101);
    expect(await attempt(url, { cookie })).toBe(429);
    expect(await attempt(url, { cookie })).toBe(429);
    // Behind a trusted proxy another client's address has its own allowance.
    expect(await attempt(url, { cookie, "x-forwarded-for": "203.0.113.9" })).toBe(101);
    const refused =
      (await processMetrics().refusedUpgrades.get()).values.find((v) => v.labels.status === "429")?.value ?? 0;
    expect(refused - refusedBefore).toBe(2);
  });

  it("the standalone collaboration process honours TRUST_PROXY too", { timeout: 60_000 }, async () => {
    const u = await signUp({
      name: "Proxy",
      email: `proxy-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const ws = await createWorkspace({ kind: "user", userId: u.id }, { name: "Proxy" });
    const planId = (await createPlan({ kind: "user", userId: u.id }, ws.id, { title: "Proxy" })).id;
    const cookie = await sessionCookie(u.id);
    const trusting = await startStandalone(0, { TRUST_PROXY: "true", COLLAB_UPGRADES_PER_MINUTE: "1" });
    const plain = await startStandalone(0, { COLLAB_UPGRADES_PER_MINUTE: "1" });
    try {
      const at = (c: typeof trusting) => `ws://127.0.0.1:${c.port}/collab/${planId}`;
      // Trusted: each forwarded address has its own allowance.
      expect(await attempt(at(trusting), { cookie, "x-forwarded-for": "203.0.113.1" })).toBe(101);
      expect(await attempt(at(trusting), { cookie, "x-forwarded-for": "203.0.113.2" })).toBe(101);
      expect(await attempt(at(trusting), { cookie, "x-forwarded-for": "203.0.113.1" })).toBe(429);
      // Not trusted: the header is ignored, so both attempts come from the one socket address.
      expect(await attempt(at(plain), { cookie, "x-forwarded-for": "203.0.113.1" })).toBe(101);
      expect(await attempt(at(plain), { cookie, "x-forwarded-for": "203.0.113.2" })).toBe(429);
    } finally {
      await killHard(trusting);
      await killHard(plain);
    }
  });

  it("is configurable and on by default", async () => {
    const { loadCollabConfig } = await import("./config");
    expect(loadCollabConfig({}).upgradesPerMinute).toBe(600);
    expect(loadCollabConfig({ COLLAB_UPGRADES_PER_MINUTE: "30" }).upgradesPerMinute).toBe(30);
    expect(() => loadCollabConfig({ COLLAB_UPGRADES_PER_MINUTE: "0" })).toThrow(/COLLAB_UPGRADES_PER_MINUTE/);
  });
});
