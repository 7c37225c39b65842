import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { blankRow, insertRow, setRaciCell } from "../lib/doc";
import { App, uniqueEmail } from "./fixtures";
import { editLiveDoc } from "./hardening/live-doc";
import { FIRST_ROWS } from "../components/grid/row-window";

const pad = (i: number) => String(i).padStart(3, "0");
const TASKS = 120;
const RISKS = 70;

test("a large plan: the server draws the first rows of its long lists and says so; after hydration every row is there and reachable by keyboard; the print view lists them all", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new App(page);
  await app.signUp("Ann Lee", uniqueEmail("ann"));
  await app.createWorkspace("Large plans");
  const planId = await app.createPlan("Warehouse move");

  await editLiveDoc(context, baseURL!, planId, (doc) => {
    doc.transact(() => {
      const columns = [randomUUID(), randomUUID()];
      columns.forEach((id, i) =>
        insertRow(doc, "raciColumns", { id, kind: "role", userId: null, name: `Role ${i + 1}`, order: i }),
      );
      for (let i = 1; i <= TASKS; i++) {
        const id = randomUUID();
        insertRow(doc, "tasks", { ...blankRow("tasks", id), name: `Task #${pad(i)}`, order: i });
        setRaciCell(doc, id, columns[0]!, "A");
      }
      for (let i = 1; i <= RISKS; i++)
        insertRow(doc, "risks", {
          ...blankRow("risks", randomUUID()),
          title: `Risk #${pad(i)}`,
          contingency: `Fallback #${pad(i)}`,
        });
    });
  });

  await test.step("the server's page (what a reader without scripts gets) holds the first rows and says how many", async () => {
    // The first paint reads the projection, which follows the document a moment after each saved batch.
    await expect
      .poll(async () => (await page.request.get(`/plans/${planId}`)).text(), { timeout: 15_000 })
      .toContain(`Showing the first ${FIRST_ROWS} of ${TASKS} rows`);
    const html = await (await page.request.get(`/plans/${planId}`)).text();
    expect(html).toContain(`Showing the first ${FIRST_ROWS} of ${RISKS} risks`);
    expect(html).toContain(`Showing the first ${FIRST_ROWS} of ${RISKS} contingency plans`);
    // Both grids draw their first rows (cells are addressed by row and column index).
    expect(html.match(/data-cell="\d+:0"/g)).toHaveLength(2 * FIRST_ROWS);
    expect(html).not.toContain(`data-cell="${FIRST_ROWS}:0"`);
  });

  await page.goto(`/plans/${planId}`);
  const raci = page.getByRole("grid", { name: "RACI grid" });
  const register = page.getByRole("grid", { name: "Risk register" });

  await test.step("after hydration every row is drawn and the notes are gone", async () => {
    await expect(raci.getByRole("row")).toHaveCount(TASKS + 1);
    await expect(register.getByRole("row")).toHaveCount(RISKS + 1);
    await expect(page.locator("section#risks dt")).toHaveCount(RISKS);
    await expect(page.getByText("Showing the first")).toHaveCount(0);
  });

  await test.step("the keyboard reaches the last rows", async () => {
    await expect(page.getByTestId("connection-badge")).toHaveText("Live");
    const last = raci.getByRole("row").filter({ hasText: `Task #${pad(TASKS)}` });
    await raci.getByRole("row").filter({ hasText: "Task #001" }).getByRole("gridcell").first().click();
    await page.keyboard.press("Control+End");
    await expect(last.getByRole("gridcell").nth(1)).toBeFocused();
    await page.keyboard.press("r");
    await expect(last.getByRole("gridcell").nth(1)).toHaveText("R");
    await expect(last).toContainText("OK");

    await register.getByRole("gridcell").first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Home");
    await expect(register.getByRole("row").last().getByRole("gridcell").first()).toBeFocused();
  });

  await test.step("the print view lists every row", async () => {
    const print = await (await page.request.get(`/plans/${planId}/print`)).text();
    expect(print).toContain(`Task #${pad(TASKS)}`);
    expect(print).toContain(`Risk #${pad(RISKS)}`);
    expect(print).not.toContain("Showing the first");
  });

  await context.close();
});
