import { expect, test } from "@playwright/test";
import { planSections } from "../lib/plan/template";
import { App, PASSWORD, uniqueEmail } from "./fixtures";

test("sign up, create a workspace and a plan from the template; outsiders get 404 until invited", async ({
  browser,
  baseURL,
}) => {
  const aliceCtx = await browser.newContext();
  const alice = new App(await aliceCtx.newPage());
  const bobEmail = uniqueEmail("bob");

  await alice.signUp("Alice Planner", uniqueEmail("alice"));
  await expect(alice.page.getByText("You are not in any workspace yet")).toBeVisible();
  const workspaceId = await alice.createWorkspace("Launch team");
  await expect(alice.page.getByText("No plans yet")).toBeVisible();

  const planId = await alice.createPlan("Payments migration", "Move card payments to the new provider before renewal.");
  for (const section of planSections) {
    await expect(alice.page.locator(`#${section.id}-title`)).toContainText(section.title);
    await expect(alice.page.locator(`section#${section.id}`).getByText(section.hint)).toBeVisible();
  }
  await expect(alice.page.getByRole("navigation", { name: "Plan sections" }).getByRole("link")).toHaveCount(
    planSections.length,
  );

  await alice.page.goto(`/workspaces/${workspaceId}`);
  const row = alice.page.getByRole("row", { name: /Payments migration/ });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText("Alice Planner");

  // Bob, not a member: 404 in the page and in the API.
  const bobCtx = await browser.newContext();
  const bob = new App(await bobCtx.newPage());
  await bob.signUp("Bob Outsider", bobEmail);
  const page404 = await bob.page.goto(`/plans/${planId}`);
  expect(page404?.status()).toBe(404);
  await expect(bob.page.getByText("This page could not be found")).toBeVisible();
  const api404 = await bob.page.request.get(`${baseURL}/api/v1/plans/${planId}`);
  expect(api404.status()).toBe(404);
  expect((await api404.json()).error.message).toBe("Plan was not found.");
  expect((await bob.page.request.get(`${baseURL}/api/v1/workspaces/${workspaceId}/plans`)).status()).toBe(404);

  // Alice invites Bob; he now sees the workspace and the plan.
  await alice.page.goto(`/workspaces/${workspaceId}/members`);
  await alice.page.getByRole("form", { name: "Invite member" }).getByLabel("Email").fill(bobEmail);
  await alice.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(alice.page.getByText(`${bobEmail} already had an account and is now a member.`)).toBeVisible();
  await expect(alice.page.getByRole("row", { name: /Bob Outsider/ })).toBeVisible();

  await bob.page.goto("/workspaces");
  await bob.page.getByRole("link", { name: /Launch team/ }).click();
  await bob.page.getByRole("link", { name: "Payments migration" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: "Payments migration" })).toBeVisible();
  const apiOk = await bob.page.request.get(`${baseURL}/api/v1/plans/${planId}`);
  expect(apiOk.status()).toBe(200);
  expect((await apiOk.json()).data).toMatchObject({ title: "Payments migration", role: "editor" });

  await aliceCtx.close();
  await bobCtx.close();
});

test("an invitation waits for someone to sign up with that email", async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const owner = new App(await ownerCtx.newPage());
  await owner.signUp("Olivia Owner", uniqueEmail("olivia"));
  const workspaceId = await owner.createWorkspace("Field ops");
  await owner.createPlan("Depot rollout");
  const invitee = uniqueEmail("ivan");
  await owner.page.goto(`/workspaces/${workspaceId}/members`);
  await owner.page.getByRole("form", { name: "Invite member" }).getByLabel("Email").fill(invitee);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("admin");
  await owner.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.page.getByText(`Invitation saved: ${invitee} joins as admin`)).toBeVisible();
  await expect(owner.page.getByText(`${invitee} · admin`)).toBeVisible();

  const ivanCtx = await browser.newContext();
  const ivan = new App(await ivanCtx.newPage());
  await ivan.signUp("Ivan Invited", invitee);
  await expect(ivan.page.getByRole("link", { name: /Field ops.*you are admin/ })).toBeVisible();
  await ownerCtx.close();
  await ivanCtx.close();
});

test("bad input gets a clear message and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Pass");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Pass");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

  const email = uniqueEmail("dupe");
  const app = new App(page);
  await app.signUp("First", email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await app.signIn(email);
  await expect(page.getByTestId("current-user")).toHaveText("First");
});

test("personal API tokens work with the JSON API until revoked", async ({ page, playwright, baseURL }) => {
  const app = new App(page);
  await app.signUp("Tina Token", uniqueEmail("tina"));
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("Reporting script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-secret").textContent())!.trim();
  expect(token).toMatch(/^pw_/);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const created = await api.post("/api/v1/workspaces", { data: { name: "From the API" } });
  expect(created.status()).toBe(201);
  const ws = (await created.json()).data;
  const plan = await api.post(`/api/v1/workspaces/${ws.id}/plans`, { data: { title: "Scripted plan" } });
  expect(plan.status()).toBe(201);
  const planId = (await plan.json()).data.id;
  const patched = await api.patch(`/api/v1/plans/${planId}`, { data: { title: "Scripted plan, revised" } });
  expect((await patched.json()).data.title).toBe("Scripted plan, revised");
  // Status follows the review workflow: a draft cannot jump straight to done.
  const skipped = await api.patch(`/api/v1/plans/${planId}`, { data: { status: "done" } });
  expect(skipped.status()).toBe(409);
  const invalid = await api.post(`/api/v1/workspaces/${ws.id}/plans`, { data: { title: "" } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields.title).toEqual(["Title cannot be empty."]);
  const malformed = await api.post(`/api/v1/workspaces/${ws.id}/plans`, {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toBe("The request body is not valid JSON.");
  expect((await api.get(`/api/v1/plans/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
  expect((await api.delete(`/api/v1/plans/${planId}`)).status()).toBe(204);

  await page.reload();
  await page.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("No active tokens.")).toBeVisible();
  const refused = await api.get("/api/v1/workspaces");
  expect(refused.status()).toBe(401);
  await api.dispose();
});

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { status: "ok", driver: "postgres" } });
});
