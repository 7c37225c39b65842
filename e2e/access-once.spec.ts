/**
 * A plan page authorizes every one of its reads (the plan, its comments, announcements, approval
 * state and title) through the access layer, which reads the plan for that person or link once per
 * render. Counted by the server's own metric; the spec runs a server of its own, so no other spec's
 * pages add to the count.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { App, uniqueEmail } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startOwnServer();
});

test.afterAll(async () => {
  await app?.stop();
});

async function lookups(request: APIRequestContext, principal: "user" | "share"): Promise<number> {
  const text = await (await request.get("/api/metrics")).text();
  const m = new RegExp(`^planwright_access_plan_lookups_total\\{principal="${principal}"\\} (\\d+)`, "m").exec(text);
  return Number(m?.[1] ?? 0);
}

test("a plan page reads the plan for its access check once, for a member and for a read-only link", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  const ui = new App(page);
  await ui.signUp("Rita Moss", uniqueEmail("rita"));
  await ui.createWorkspace("Access");
  const planId = await ui.createPlan("Data centre move", "Move the racks without downtime.");
  await page.goto(`/plans/${planId}/share`);
  await page.getByRole("button", { name: "Create link" }).click();
  const link = new URL(await page.getByTestId("new-link").inputValue()).pathname;
  // No page open: no live connection re-checks its access while the counts are read.
  await page.close();

  const before = await lookups(context.request, "user");
  const res = await context.request.get(`/plans/${planId}`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain("Data centre move");
  expect(html).toContain("Move the racks without downtime.");
  expect(await lookups(context.request, "user")).toBe(before + 1);

  const outsider = await browser.newContext({ baseURL: app.base });
  const shareBefore = await lookups(outsider.request, "share");
  const shared = await outsider.request.get(link);
  expect(shared.status()).toBe(200);
  expect(await shared.text()).toContain("Data centre move");
  expect(await lookups(outsider.request, "share")).toBe(shareBefore + 1);

  await outsider.close();
  await context.close();
});
