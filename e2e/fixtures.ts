import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`;

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

  /** Create a plan in the open workspace page; returns its id. */
  async createPlan(title: string, summary = "") {
    await this.page.getByLabel("Title").fill(title);
    if (summary) await this.page.getByLabel("Purpose (optional)").fill(summary);
    await this.page.getByRole("button", { name: "Create plan" }).click();
    await expect(this.page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
    return this.page.url().split("/").pop()!;
  }
}
