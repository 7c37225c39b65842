import { expect, test, type Page } from "@playwright/test";
import * as Y from "yjs";
import { encodeSyncMessage, SYNC_UPDATE } from "../lib/collab/protocol";
import { blankRow, insertRow } from "../lib/doc";
import { App, uniqueEmail } from "./fixtures";

const badge = (page: Page) => page.getByTestId("connection-badge");
const taskNames = (page: Page) => page.getByRole("table", { name: "Tasks" }).getByLabel("Task name");
const addTask = async (page: Page, name: string) => {
  await page.getByLabel("New task name").fill(name);
  await page.getByRole("button", { name: "Add task" }).click();
};

/** A well-formed y-websocket update that would add a task, as a hostile link holder would send it. */
function forgedUpdate(): number[] {
  const doc = new Y.Doc();
  insertRow(doc, "tasks", { ...blankRow("tasks", crypto.randomUUID()), name: "Sneaked in through the link" });
  return [...encodeSyncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(doc))];
}

test("a read-only link shows the plan live, refuses writes, and stops at once when revoked", async ({ browser }) => {
  const editorContext = await browser.newContext();
  const editor = new App(await editorContext.newPage());
  await editor.signUp("Erin Editor", uniqueEmail("erin"));
  await editor.createWorkspace("Client work");
  const planId = await editor.createPlan("Website refresh", "Refresh the public website before the spring campaign.");
  await addTask(editor.page, "Content audit");
  await expect(editor.page.getByTestId("save-indicator")).toHaveText("All changes saved");

  // Make a link with a label and an expiry, and read it back once.
  await editor.page.goto(`/plans/${planId}/share`);
  await editor.page.getByLabel("Label (optional)").fill("Steering committee");
  await editor.page.getByLabel("Expires").selectOption("7");
  await editor.page.getByRole("button", { name: "Create link" }).click();
  const url = await editor.page.getByTestId("new-link").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  const token = url.split("/s/")[1]!;

  // Someone who is not signed in opens it: the whole plan, read-only, live.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const response = await viewer.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(viewer.getByRole("heading", { level: 1, name: "Website refresh" })).toBeVisible();
  await expect(viewer.getByText("Read-only view")).toBeVisible();
  await expect(viewer.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(badge(viewer)).toHaveText("Live");
  await expect(taskNames(viewer)).toHaveValue("Content audit");
  // No edit controls, and nothing of the workspace beyond the plan.
  await expect(viewer.getByLabel("New task name")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add task" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Share" })).toHaveCount(0);
  expect(await viewer.content()).not.toContain("@example.com");

  // The editor's change reaches the link holder live.
  await editor.page.goto(`/plans/${planId}`);
  await addTask(editor.page, "Design mock-ups");
  await expect(taskNames(viewer)).toHaveCount(2);
  await expect(viewer.getByRole("list", { name: "People on this plan" })).toContainText("Erin Editor");

  // Writing over the link's own websocket is refused: the forged update never reaches anyone.
  const sent = await viewer.evaluate(
    async ({ planId, token, bytes }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/collab/${planId}?token=${token}`);
      ws.binaryType = "arraybuffer";
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      ws.send(new Uint8Array(bytes));
      await new Promise((r) => setTimeout(r, 1000));
      ws.close();
      return true;
    },
    { planId, token, bytes: forgedUpdate() },
  );
  expect(sent).toBe(true);
  await editor.page.goto(`/plans/${planId}`);
  await expect(taskNames(editor.page)).toHaveCount(2);
  await expect(editor.page.getByText("Sneaked in through the link")).toHaveCount(0);
  expect(await (await viewer.request.get(url)).text()).not.toContain("Sneaked in through the link");

  // The editor sees the link with its label, creator and views, and revokes it.
  await editor.page.goto(`/plans/${planId}/share`);
  const row = editor.page
    .getByRole("table", { name: "Active links" })
    .getByRole("row")
    .filter({ hasText: "Steering committee" });
  await expect(row).toContainText("Erin Editor");
  expect(Number(await row.getByTestId("view-count").textContent())).toBeGreaterThanOrEqual(1);
  await row.getByRole("button", { name: "Revoke" }).click();
  await editor.page.getByRole("button", { name: "Revoke link" }).click();
  await expect(editor.page.getByText("No active links.")).toBeVisible();

  // The open page stops updating at once and says why; a reload is a 404.
  await expect(viewer.getByText("This link no longer works: it was revoked or has expired.")).toBeVisible({
    timeout: 5000,
  });
  await editor.page.goto(`/plans/${planId}`);
  await addTask(editor.page, "After the revocation");
  await expect(taskNames(editor.page)).toHaveCount(3);
  await viewer.waitForTimeout(1500);
  await expect(taskNames(viewer)).toHaveCount(2);
  expect((await viewer.reload())?.status()).toBe(404);

  await editorContext.close();
  await viewerContext.close();
});
