/**
 * The database goes away under an editor: the page says the edits are not saved yet (not "Saving…"
 * forever), keeps them, and says "All changes saved" once the database is back — with the edit stored.
 * Runs its own app server on a throwaway PostgreSQL cluster, so stopping it disturbs no other spec.
 */
import { expect, test } from "@playwright/test";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../lib/collab/faults/throwaway";
import { App, uniqueEmail } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

let pg: ThrowawayPostgres;
let app: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = await startThrowawayPostgres();
  app = await startOwnServer({ DATABASE_URL: pg.url });
});

test.afterAll(async () => {
  await app?.stop();
  pg?.destroy();
});

test("while the database is down an editor is told the edits are not saved yet, and they are saved when it returns", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  const ui = new App(page);
  await ui.signUp("Dana Cruz", uniqueEmail("dana"));
  await ui.createWorkspace("Outage");
  const planId = await ui.createPlan("Plan kept through an outage");
  const indicator = page.getByTestId("save-indicator");
  await expect(page.getByTestId("connection-badge")).toHaveText("Live");

  await page.getByLabel("New task name").fill("Before the outage");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(indicator).toHaveText("All changes saved");

  pg.stop();
  await page.getByLabel("New task name").fill("Written while the database was down");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(indicator).toHaveAttribute("data-state", "held", { timeout: 20_000 });
  await expect(indicator).toContainText("Not saved yet: the server cannot reach its database");
  // Still connected and still editable: nothing was lost or refused.
  await expect(page.getByTestId("connection-badge")).toHaveText("Live");

  pg.start();
  await expect(indicator).toHaveText("All changes saved", { timeout: 30_000 });
  await page.goto(`/plans/${planId}`);
  await expect(page.getByRole("table", { name: "Tasks" }).getByLabel("Task name")).toHaveCount(2);
  await expect(page.getByRole("table", { name: "Tasks" }).getByLabel("Task name").nth(1)).toHaveValue(
    "Written while the database was down",
  );
  await context.close();
});
