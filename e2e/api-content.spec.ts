/**
 * The content API end to end: a script with an API token adds tasks, links them and moves one, and
 * a browser on the plan sees each change live. ETags, idempotent POSTs, roles and tenants are
 * checked on the real server, and a webhook receiver on loopback gets signed, retried deliveries.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { person, uniqueEmail } from "./fixtures";
import { callAction, form } from "./hardening/actions";

async function tokenOf(page: Page) {
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("Script");
  await page.getByRole("button", { name: "Create token" }).click();
  return (await page.getByTestId("new-secret").textContent())!.trim();
}

async function scripted(
  browser: Browser,
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  name: string,
  email = uniqueEmail(name.toLowerCase()),
) {
  const who = await person(browser, name, email);
  const token = await tokenOf(who.page);
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  return { ...who, api };
}

test("a script's edits through the API reach an open browser live", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const ann = await scripted(browser, playwright, baseURL!, "Ann");
  const workspaceId = await ann.app.createWorkspace("Scripted");
  const planId = await ann.app.createPlan("Integration plan");
  await ann.page.goto(`/plans/${planId}`);
  await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
  const tasks = `/api/v1/plans/${planId}/tasks`;

  const design = await ann.api.post(tasks, { data: { name: "Design", start: "2026-03-02", end: "2026-03-06" } });
  expect(design.status()).toBe(201);
  const designId = (await design.json()).data.id;
  await expect(ann.page.getByLabel("Start of Design")).toHaveValue("2026-03-02");
  const build = await ann.api.post(tasks, { data: { name: "Build", start: "2026-03-09", end: "2026-03-13" } });
  const buildId = (await build.json()).data.id;

  const dep = await ann.api.post(`/api/v1/plans/${planId}/dependencies`, { data: { from: designId, to: buildId } });
  expect(dep.status()).toBe(201);
  await expect(ann.page.getByLabel("Predecessors of Build")).toHaveValue("Design [FS]");

  // Move Build, conditionally on the version read.
  const read = await ann.api.get(`${tasks}/${buildId}`);
  const etag = read.headers()["etag"]!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  const moved = await ann.api.patch(`${tasks}/${buildId}`, {
    data: { start: "2026-03-16", end: "2026-03-20" },
    headers: { "If-Match": etag },
  });
  expect(moved.status()).toBe(200);
  expect(moved.headers()["etag"]).not.toBe(etag);
  await expect(ann.page.getByLabel("Start of Build")).toHaveValue("2026-03-16");
  await expect(ann.page.getByLabel("End of Build")).toHaveValue("2026-03-20");

  // A second writer still holding the old ETag is stopped.
  const stale = await ann.api.patch(`${tasks}/${buildId}`, {
    data: { name: "Overwritten" },
    headers: { "If-Match": etag },
  });
  expect(stale.status()).toBe(412);
  expect((await stale.json()).error.message).toMatch(/changed since you read it/);

  // The browser's validation, as 422 with field messages.
  const invalid = await ann.api.post(tasks, { data: { name: "Backwards", start: "2026-04-10", end: "2026-04-01" } });
  expect(invalid.status()).toBe(422);
  expect(Object.keys((await invalid.json()).error.fields)).not.toHaveLength(0);

  // Retrying a POST with its Idempotency-Key creates nothing twice.
  const key = { "Idempotency-Key": `retry-${Date.now()}` };
  const once = await ann.api.post(tasks, { data: { name: "Once" }, headers: key });
  const twice = await ann.api.post(tasks, { data: { name: "Once" }, headers: key });
  expect(twice.status()).toBe(201);
  expect(twice.headers()["idempotent-replayed"]).toBe("true");
  expect((await twice.json()).data.id).toBe((await once.json()).data.id);
  expect((await ann.api.post(tasks, { data: { name: "Other" }, headers: key })).status()).toBe(422);

  // Lists come from the projection, which follows the document shortly.
  await expect
    .poll(async () =>
      ((await (await ann.api.get(`${tasks}?limit=2`)).json()).data.items as { name: string }[]).map((t) => t.name),
    )
    .toEqual(["Design", "Build"]);
  const page2 = (await (await ann.api.get(`${tasks}?limit=2`)).json()).data.nextCursor;
  expect((await (await ann.api.get(`${tasks}?limit=2&cursor=${page2}`)).json()).data.items).toHaveLength(1);

  // A viewer of the plan reads but may not write; someone of another workspace learns nothing.
  const vicEmail = uniqueEmail("vic");
  await ann.app.inviteMember(workspaceId, vicEmail);
  const vic = await scripted(browser, playwright, baseURL!, "Vic", vicEmail);
  const members = (await (await ann.api.get(`/api/v1/workspaces/${workspaceId}/members`)).json()).data.members;
  const vicId = members.find((m: { email: string }) => m.email === vicEmail).userId;
  const set = await callAction(
    ann.page.request,
    baseURL!,
    `/plans/${planId}/share`,
    "setPlanRoleAction",
    form({ planId, userId: vicId, role: "viewer" }),
  );
  expect(set.text).toMatch(/"ok":true/);
  expect((await vic.api.get(`${tasks}/${buildId}`)).status()).toBe(200);
  expect((await vic.api.post(tasks, { data: { name: "Viewer" } })).status()).toBe(403);
  expect((await vic.api.patch(`${tasks}/${buildId}`, { data: { name: "Viewer" } })).status()).toBe(403);
  expect((await vic.api.delete(`${tasks}/${buildId}`)).status()).toBe(403);
  const bea = await scripted(browser, playwright, baseURL!, "Bea");
  expect((await bea.api.get(tasks)).status()).toBe(404);
  expect((await bea.api.patch(`${tasks}/${buildId}`, { data: { name: "x" } })).status()).toBe(404);

  await ann.api.delete(`${tasks}/${designId}`);
  await expect(ann.page.getByLabel("Start of Design")).toHaveCount(0);
});

test("a webhook receiver on loopback gets signed deliveries, retried after a failure", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const got: { signature: string; body: string; status: number }[] = [];
  const statuses = [500];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const status = statuses.shift() ?? 204;
      got.push({ signature: String(req.headers["planwright-signature"]), body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  try {
    const ann = await scripted(browser, playwright, baseURL!, "Hana");
    const workspaceId = await ann.app.createWorkspace("Hooked");
    const planId = await ann.app.createPlan("Hooked plan");
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = await ann.api.post(`/api/v1/workspaces/${workspaceId}/webhooks`, {
      data: { url, events: ["task.changed"] },
    });
    expect(hook.status()).toBe(201);
    const { id: hookId, secret } = (await hook.json()).data;

    await ann.api.post(`/api/v1/plans/${planId}/tasks`, { data: { name: "Notify me" } });
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(2);
    expect(got.map((g) => g.status)).toEqual([500, 204]);
    for (const g of got) {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(g.signature)!;
      expect(createHmac("sha256", secret).update(`${t}.${g.body}`).digest("hex")).toBe(v1);
      expect(JSON.parse(g.body)).toMatchObject({ event: "task.changed", data: { planId, action: "created" } });
    }
    await expect
      .poll(
        async () =>
          (await (await ann.api.get(`/api/v1/workspaces/${workspaceId}/webhooks/${hookId}/deliveries`)).json()).data[0],
      )
      .toMatchObject({ state: "delivered", attempts: 2, responseStatus: 204 });

    // The delivery log, and a redelivery by hand from it.
    await ann.page.goto(`/workspaces/${workspaceId}/webhooks`);
    const log = ann.page.getByRole("table", { name: "Deliveries" });
    await expect(log).toContainText("task.changed");
    await expect(log).toContainText("delivered");
    await log.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(3);

    // An edit made in the browser is reported too, once.
    await ann.page.goto(`/plans/${planId}`);
    await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
    const start = ann.page.getByLabel("Start of Notify me");
    await start.fill("2026-05-04");
    await start.press("Tab");
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(4);
    expect(JSON.parse(got[3]!.body)).toMatchObject({
      event: "task.changed",
      data: { planId, action: "updated", row: { name: "Notify me", start: "2026-05-04" } },
    });
    await ann.page.waitForTimeout(2500);
    expect(got).toHaveLength(4);
  } finally {
    receiver.close();
  }
});
