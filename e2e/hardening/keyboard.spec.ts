/**
 * Every editing surface works by keyboard alone: from the top of the plan page, Tab reaches one field
 * in each section, typing and Enter (or the section's own keys: arrows, letters) write it, and the
 * change is in the live document for everyone. The mouse is never used.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { App, uniqueEmail } from "../fixtures";

/** Press Tab (or Shift+Tab when it lies before the focus) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 200) {
  const before = await target.evaluate(
    (el) =>
      !!document.activeElement &&
      !!(el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(before ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("one field in each section edited with the keyboard only", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const app = new App(page);
  await app.signUp("Kim Keys", uniqueEmail("kim"));
  await app.createWorkspace("Keyboard");
  const planId = await app.createPlan("Keyboard plan");
  await expect(page.getByTestId("connection-badge")).toHaveText("Live");
  const section = (id: string) => page.locator(`section#${id}`);
  const values = (id: string) =>
    section(id)
      .locator("input, textarea")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const add = async (id: string, label: string, text: string) => {
    await tabTo(page, section(id).getByLabel(label, { exact: true }));
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  };

  await test.step("objectives, scope, deliverables: type and Enter", async () => {
    await add("objectives", "New objective title", "Halve support calls");
    await expect(section("objectives").getByLabel("Objective title", { exact: true })).toHaveValue(
      "Halve support calls",
    );
    await add("scope", "New in-scope item", "Self-service portal");
    await expect.poll(() => values("scope")).toContain("Self-service portal");
    await add("deliverables", "New deliverable name", "Portal release 1");
    await expect.poll(() => values("deliverables")).toContain("Portal release 1");
  });

  await test.step("strategy: Enter opens the editor, Tab leaves it, Enter closes it", async () => {
    await tabTo(page, section("strategy").getByRole("button", { name: "Edit implementation strategy" }));
    await page.keyboard.press("Enter");
    await expect(section("strategy").getByRole("textbox", { name: "Implementation strategy" })).toBeFocused();
    await page.keyboard.type("## Rollout\nJourney by journey.");
    await page.keyboard.press("Tab");
    await expect(section("strategy").getByRole("button", { name: "Done editing" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(section("strategy").getByRole("heading", { name: "Rollout" })).toBeVisible();
  });

  await test.step("schedule: a task by its name field, then its start date", async () => {
    await add("schedule", "New task name", "Build portal");
    const start = section("schedule").getByLabel("Start of Build portal");
    // Tab enters a date at its first part (the month): reach the control before it, then Tab.
    await tabTo(page, section("schedule").getByRole("button", { name: "Details of Build portal" }));
    await page.keyboard.press("Tab");
    await expect(start).toBeFocused();
    await page.keyboard.type("03022031");
    await expect(start).toHaveValue("2031-03-02");
  });

  await test.step("risks: Add risk by Enter, the title typed, arrows to the next cell", async () => {
    await tabTo(page, section("risks").getByRole("button", { name: "Add risk" }));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Risk of untitled risk")).toBeFocused();
    await page.keyboard.type("Vendor late");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("Supply");
    await page.keyboard.press("Enter");
    await expect(
      page.getByRole("grid", { name: "Risk register" }).getByRole("row").filter({ hasText: "Vendor late" }),
    ).toContainText("Supply");
  });

  await test.step("resources and budget: type and Enter", async () => {
    await add("resources", "New person name", "Lena Vogel");
    await expect(section("resources").getByLabel("Allocation of Lena Vogel")).toHaveValue("100");
    await add("resources", "New budget line category", "Movers");
    await expect(section("resources").getByLabel("Planned cost of Movers")).toBeVisible();
  });

  await test.step("RACI: a role column by Enter, a cell by its letter", async () => {
    await add("raci", "New role name", "Steering");
    const grid = page.getByRole("grid", { name: "RACI grid" });
    await expect(grid.getByRole("columnheader", { name: /Steering/ })).toBeVisible();
    const cell = grid.getByRole("row").filter({ hasText: "Build portal" }).getByRole("gridcell").first();
    await tabTo(page, grid.getByRole("gridcell").first());
    // Walk the grid with the arrow keys to the task's row.
    for (
      let i = 0;
      i < 30 && !(await cell.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)));
      i++
    ) {
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("a");
    await expect(cell).toContainText("A");
  });

  // Everything above reached the document: the export (built from the projection) has it.
  await expect
    .poll(async () => (await page.request.get(`${baseURL}/api/v1/plans/${planId}/export.md`)).text(), {
      timeout: 15_000,
    })
    .toMatch(
      /Halve support calls[\s\S]*Self-service portal[\s\S]*Portal release 1[\s\S]*Rollout[\s\S]*Build portal[\s\S]*Vendor late[\s\S]*Lena Vogel/,
    );
});
