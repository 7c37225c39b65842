import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

export const uniqueEmail = (who: string) =>
  `${who}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`;

/** Page object for the signed-out and workspace flows, shared by the specs. */
export class App {
  constructor(readonly page: Page) {}

  async signUp(name: string, email: string, password = PASSWORD) {
    await this.page.goto("/signup");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page).toHaveURL(/\/workspaces$/);
  }

  async signIn(email: string, password = PASSWORD) {
    await this.page.goto("/signin");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).toHaveURL(/\/workspaces$/);
  }

  /** Create a workspace from the workspaces page; returns its id. */
  async createWorkspace(name: string) {
    await this.page.goto("/workspaces");
    await this.page.getByLabel("Workspace name").fill(name);
    await this.page.getByRole("button", { name: "Create workspace" }).click();
    await expect(this.page).toHaveURL(/\/workspaces\/[0-9a-f-]{36}$/);
    return this.page.url().split("/").pop()!;
  }

  /** Invite someone into a workspace through the API, as the signed-in person of this page. */
  async inviteMember(workspaceId: string, email: string, role: "member" | "admin" = "member") {
    const res = await this.page.request.post(`/api/v1/workspaces/${workspaceId}/members`, {
      data: { email, role },
      headers: { Origin: new URL(this.page.url()).origin },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }

  /** Create a plan in the open workspace page; returns its id. */
  async createPlan(title: string, summary = "") {
    await this.page.getByLabel("Title").fill(title);
    if (summary) await this.page.getByLabel("Purpose (optional)").fill(summary);
    await this.page.getByRole("button", { name: "Create plan" }).click();
    await expect(this.page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
    return this.page.url().split("/").pop()!;
  }
}

export type Person = { context: BrowserContext; page: Page; app: App; email: string };

/** Someone signed up in a browser context of their own. */
export async function person(
  browser: Browser,
  name: string,
  email = uniqueEmail(name.split(" ")[0]!.toLowerCase()),
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const app = new App(page);
  await app.signUp(name, email);
  return { context, page, app, email };
}

/** Ann's plan, with Bob invited as a member and both on the plan page, live. */
export async function twoOnOnePlan(browser: Browser, title: string) {
  const ann = await person(browser, "Ann Lee");
  const workspaceId = await ann.app.createWorkspace(`${title} team`);
  const planId = await ann.app.createPlan(title);
  const bobEmail = uniqueEmail("bob");
  await ann.app.inviteMember(workspaceId, bobEmail);
  const bob = await person(browser, "Bob Stone", bobEmail);
  await bob.page.goto(`/plans/${planId}`);
  for (const p of [ann.page, bob.page]) await expect(p.getByTestId("connection-badge")).toHaveText("Live");
  return { ann, bob, workspaceId, planId };
}
