/**
 * Mail that reaches people, end to end: an app server of this spec's own sends through a real SMTP
 * server started here (smtp-server on loopback), and Chromium follows the links that arrive.
 */
import { expect, test, type Browser } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { freePort } from "../lib/collab/faults/throwaway";
import { startTestSmtp, type TestSmtp } from "../lib/testing/smtp";
import { App, PASSWORD, uniqueEmail } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

let smtp: TestSmtp;
let app: OwnServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  smtp = await startTestSmtp();
  const port = await freePort();
  app = await startOwnServer({
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Planwright <planwright@example.com>",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

const toOf = (m: ParsedMail) => (m.to && !Array.isArray(m.to) ? m.to.text : "");
const mailTo = (email: string, subject: RegExp) =>
  smtp.waitFor((m) => toOf(m) === email && subject.test(m.subject ?? ""), 30_000);
/** The link of a mail (its button), exactly as the person would click it. */
const linkIn = (m: ParsedMail) => {
  const url = /href="([^"]+)"/.exec(typeof m.html === "string" ? m.html : "")?.[1];
  expect(url, "the mail has a link").toBeTruthy();
  return url!.replace(/&amp;/g, "&");
};

async function signedUp(browser: Browser, name: string, email: string) {
  const context = await browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  const ui = new App(page);
  await ui.signUp(name, email);
  return { context, page, ui };
}

test("an invitation reaches the invitee, and its link signs them up into the workspace", async ({ browser }) => {
  const owner = await signedUp(browser, "Olga Owner", uniqueEmail("olga"));
  const workspaceId = await owner.ui.createWorkspace("Mail <b>Works</b>");
  const invitee = uniqueEmail("ivan");
  await owner.page.goto(`/workspaces/${workspaceId}/members`);
  await expect(owner.page.getByText("Email is not configured")).toHaveCount(0);
  await owner.page.getByRole("form", { name: "Invite member" }).getByLabel("Email").fill(invitee);
  await owner.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.page.getByText(`Invitation saved: ${invitee} joins as member`)).toBeVisible();

  const mail = await mailTo(invitee, /invited you to Mail <b>Works<\/b>/);
  expect(mail.from?.value[0]?.address).toBe("planwright@example.com");
  expect(mail.html).toContain("Mail &lt;b&gt;Works&lt;/b&gt;");
  expect(mail.text).toContain("Olga Owner invited you to the workspace Mail <b>Works</b> as member.");
  const link = linkIn(mail);
  expect(link.startsWith(`${app.base}/signup?`)).toBe(true);

  const context = await browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByLabel("Email")).toHaveValue(invitee);
  await page.getByLabel("Name").fill("Ivan Invitee");
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${app.base}/workspaces/${workspaceId}`);
  await expect(page.getByRole("heading", { name: "Mail <b>Works</b>" })).toBeVisible();

  // The new account is asked to verify its address, and the mailed link does it.
  await expect(page.getByRole("complementary", { name: "Verify your email" })).toBeVisible();
  const verify = await mailTo(invitee, /Confirm your email/);
  await page.goto(linkIn(verify));
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await page.goto("/workspaces");
  await expect(page.getByRole("complementary", { name: "Verify your email" })).toHaveCount(0);
  await Promise.all([context.close(), owner.context.close()]);
});

test("a password reset by mail ends the other sessions and retires the old password", async ({ browser }) => {
  const email = uniqueEmail("rosa");
  const old = await signedUp(browser, "Rosa Reset", email);
  const workspaceId = await old.ui.createWorkspace("Before the reset");

  const context = await browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} belongs to an account`);
  // An unknown address gets the same answer.
  const ghost = uniqueEmail("ghost");
  await page.getByLabel("Email").fill(ghost);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${ghost} belongs to an account`);

  const mail = await mailTo(email, /Reset your Planwright password/);
  const link = linkIn(mail);
  expect(link.startsWith(`${app.base}/reset-password?token=`)).toBe(true);
  await page.goto(link);
  await page.getByLabel(/^New password/).fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  const newPassword = "a brand new passphrase";
  await page.getByLabel(/^New password/).fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/signin\?reset=done$/);
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  // The link is used up.
  await page.goto(link);
  await expect(page.getByText("This reset link has expired or was already used.")).toBeVisible();

  // The old password no longer signs in; the new one does.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await new App(page).signIn(email, newPassword);

  // The session signed in before the reset is over at its next navigation.
  await old.page.goto(`/workspaces/${workspaceId}`);
  await expect(old.page).toHaveURL(/\/signin/);
  expect((await old.page.request.get("/api/v1/workspaces")).status()).toBe(401);
  await Promise.all([context.close(), old.context.close()]);
});

test("a server without SMTP_URL says that email is off where a form would send some", async ({ page }) => {
  // The suite's shared server runs without SMTP_URL.
  await page.goto("/forgot-password");
  await expect(page.getByRole("note")).toContainText("Email is not configured on this server;");
  await new App(page).signUp("Nora Nomail", uniqueEmail("nora"));
  const workspaceId = await new App(page).createWorkspace("No mail here");
  await page.goto(`/workspaces/${workspaceId}/members`);
  await expect(page.getByRole("note")).toContainText("Email is not configured on this server;");
});
