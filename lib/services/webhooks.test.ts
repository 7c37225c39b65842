import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { testUser } from "@/lib/testing/users";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { verify } from "@/lib/webhooks/sign";
import { runWebhookQueueOnce } from "@/lib/webhooks/worker";
import { createContentRow } from "./plan-content";
import { createPlan } from "./plans";
import { createWebhook, deleteWebhook, getDeliveries, getWebhooks, redeliver } from "./webhooks";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

const user = testUser;

/** A receiver on loopback that answers the statuses it is given, in turn, then 200. */
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let statuses: number[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(statuses.shift() ?? 200).end();
  });
});
let url = "";
const allow = process.env.WEBHOOKS_ALLOW_PRIVATE;
beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = allow;
  await new Promise((r) => receiver.close(r));
});

/** Run the queue until nothing is due, waiting out backoff up to `ms`. */
async function drain(until: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!until() && Date.now() < end) {
    await runWebhookQueueOnce();
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("webhooks (real PostgreSQL, a real receiver on loopback)", () => {
  it("refuses loopback URLs unless WEBHOOKS_ALLOW_PRIVATE is set, and only to owners and admins", async () => {
    const owner = await user("Owner");
    const ws = await createWorkspace(owner, { name: "Hooks" });
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    await expect(createWebhook(owner, ws.id, { url, events: ["task.changed"] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    const member = await user("Member");
    await inviteMember(owner, ws.id, { email: member.email, role: "member" });
    await expect(createWebhook(member, ws.id, { url, events: ["task.changed"] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const outsider = await user("Out");
    await expect(getWebhooks(outsider, ws.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createWebhook(owner, ws.id, { url, events: ["nope"] })).rejects.toBeInstanceOf(ValidationError);
  });

  it("delivers a signed event, retries a failing receiver with backoff and redelivers by hand", async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
    const owner = await user("Owner");
    const ws = await createWorkspace(owner, { name: "Hooks" });
    const plan = await createPlan(owner, ws.id, { title: "Hooked" });
    const hook = await createWebhook(owner, ws.id, { url, events: ["task.changed"] });
    expect(hook.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await getWebhooks(owner, ws.id))).not.toContain(hook.secret);

    statuses = [500];
    received.length = 0;
    const task = await createContentRow(owner, plan.id, "tasks", { name: "Design" });
    // Risks are not subscribed to: no delivery.
    await createContentRow(owner, plan.id, "risks", { title: "Late" });
    await drain(() => received.length >= 2);
    expect(received).toHaveLength(2);
    const last = received[1]!;
    expect(verify(hook.secret, last.body, String(last.headers["planwright-signature"]))).toBe(true);
    expect(JSON.parse(last.body)).toMatchObject({
      event: "task.changed",
      data: { planId: plan.id, action: "created" },
    });
    expect(JSON.parse(last.body).data.row.id).toBe(task.row.id);

    const [delivery] = await getDeliveries(owner, ws.id, hook.id);
    expect(delivery).toMatchObject({ state: "delivered", attempts: 2, responseStatus: 200 });

    await redeliver(owner, ws.id, hook.id, delivery!.id);
    await drain(() => received.length >= 3);
    expect(received).toHaveLength(3);
    await deleteWebhook(owner, ws.id, hook.id);
    await expect(getDeliveries(owner, ws.id, hook.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
