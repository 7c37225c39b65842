/**
 * The schedule page's task grid: columns resized by pointer and by keyboard, kept over a reload and
 * reset; a task's priority set in the grid and seen live by another editor; no accessibility
 * violations on the page (axe, WCAG 2.2 A/AA).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { twoOnOnePlan } from "./fixtures";

const grid = (page: Page) => page.getByRole("table", { name: "Tasks" });
const separator = (page: Page, column: string) =>
  page.getByRole("separator", { name: `Width of the ${column} column` });
const headerWidth = (page: Page, name: string) =>
  grid(page)
    .locator("thead th")
    .filter({ hasText: new RegExp(`^${name}$`) })
    .evaluate((th) => Math.round(th.getBoundingClientRect().width));

async function addTask(page: Page, name: string) {
  await page.getByLabel("New task name").fill(name);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByLabel(`Start of ${name}`)).toBeVisible();
}

async function openSchedule(page: Page, planId: string) {
  await page.goto(`/plans/${planId}/schedule`);
  await expect(page.getByTestId("connection-badge")).toHaveText("Live");
}

test("grid columns resize by pointer and keyboard, persist, reset; priority is edited live; no axe violations", async ({
  browser,
}) => {
  const { ann, bob, planId } = await twoOnOnePlan(browser, "Grid plan");
  await openSchedule(ann.page, planId);
  await addTask(ann.page, "Stakeholder interviews");
  await addTask(ann.page, "Requirements document");
  await openSchedule(bob.page, planId);

  // Pointer: drag the Task column's right edge 120 px to the right.
  const page = ann.page;
  const before = await headerWidth(page, "Task");
  expect(before).toBe(260);
  await expect(page.getByRole("button", { name: "Reset widths" })).toHaveCount(0);
  const box = (await separator(page, "Task").boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width / 2 + i * 20, y);
  await page.mouse.up();
  await expect.poll(() => headerWidth(page, "Task")).toBe(380);
  await expect(separator(page, "Task")).toHaveAttribute("aria-valuenow", "380");
  // The name field grows with its column.
  const nameWidth = await page
    .locator("tr[data-task-id]")
    .first()
    .getByLabel("Task name")
    .evaluate((el) => el.getBoundingClientRect().width);
  expect(nameWidth).toBeGreaterThan(280);

  // Keyboard: ← narrows by 16 px, Shift+← by 64, Home to the narrowest, Enter back to the default.
  await separator(page, "Start").focus();
  await page.keyboard.press("ArrowLeft");
  await expect(separator(page, "Start")).toHaveAttribute("aria-valuenow", "120");
  await page.keyboard.press("Shift+ArrowLeft");
  await expect(separator(page, "Start")).toHaveAttribute("aria-valuenow", "96"); // its minimum
  await expect.poll(() => headerWidth(page, "Start")).toBe(96);
  await separator(page, "Assignee").focus();
  await page.keyboard.press("End");
  await expect(separator(page, "Assignee")).toHaveAttribute("aria-valuenow", "320");
  await page.keyboard.press("Enter");
  await expect(separator(page, "Assignee")).toHaveAttribute("aria-valuenow", "136");

  // Kept over a reload (this browser's own), not imposed on the other editor.
  await page.reload();
  await expect(page.getByTestId("connection-badge")).toHaveText("Live");
  await expect.poll(() => headerWidth(page, "Task")).toBe(380);
  expect(await headerWidth(page, "Start")).toBe(96);
  expect(await headerWidth(bob.page, "Task")).toBe(260);

  // Reset: every column back to its default, and nothing left stored.
  await page.getByRole("button", { name: "Reset widths" }).click();
  await expect.poll(() => headerWidth(page, "Task")).toBe(260);
  expect(await headerWidth(page, "Start")).toBe(136);
  await expect(page.getByRole("button", { name: "Reset widths" })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("planwright.schedule.columns"))).toBeNull();

  // Priority: a column of the grid, edited by one editor, seen live by the other.
  const priority = (p: Page) => p.getByLabel("Priority of Requirements document", { exact: true });
  await expect(priority(page)).toHaveValue("medium");
  await priority(page).selectOption("high");
  await expect(priority(bob.page)).toHaveValue("high");
  await bob.page.getByRole("button", { name: "Details of Requirements document", exact: true }).click();
  await expect(bob.page.getByTestId("task-popup").getByLabel("Priority")).toHaveValue("high");

  // Accessibility of the whole schedule page, grid and separators included.
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await Promise.all([ann.context.close(), bob.context.close()]);
});
