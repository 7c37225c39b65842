import { expect, test, type Page } from "@playwright/test";
import { person, uniqueEmail } from "./fixtures";

const badge = (page: Page) => page.getByTestId("connection-badge");
const wbs = (page: Page, name: string) => page.getByLabel(`Work breakdown number of ${name}`, { exact: true });
const handle = (page: Page, name: string) => page.getByRole("button", { name: `Move ${name}`, exact: true });
const rowOf = (page: Page, name: string) => page.locator("tr[data-task-id]").filter({ has: wbs(page, name) });

async function addTask(page: Page, name: string) {
  await page.getByLabel("New task name").fill(name);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(wbs(page, name)).toBeVisible();
}

/** Every task's WBS number on this screen, by name, in row order. */
const outline = (page: Page) =>
  page.locator("tr[data-task-id]").evaluateAll((rows) =>
    rows.map((r) => {
      const name = (r.querySelector("input[aria-label='Task name']") as HTMLInputElement).value;
      return `${r.querySelector("[data-testid=wbs]")!.textContent} ${name}`;
    }),
  );

/** Drags a row's handle onto another row: its top third (before), middle (inside) or bottom third (after). */
async function drag(page: Page, name: string, onto: string, where: "before" | "inside" | "after") {
  await page.bringToFront(); // the drag goes to the page in front, with two people's pages open
  // The whole (small) table in view, scrolled back to its first column: handles and targets all on screen.
  await page
    .getByRole("table", { name: "Tasks" })
    .evaluate((el) => el.scrollIntoView({ block: "center", inline: "start" }));
  const start = (await handle(page, name).boundingBox())!;
  const box = (await rowOf(page, onto).locator("td").first().boundingBox())!;
  const y = box.y + (where === "before" ? 6 : where === "after" ? box.height - 6 : box.height / 2);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width / 2, start.y + ((y - start.y) * i) / 5);
  await page.mouse.move(box.x + box.width / 2 + 2, y); // a last move within the row: a drag-over there
  await expect(rowOf(page, onto)).toHaveAttribute("data-drop", where);
  await page.mouse.up();
}

test("work breakdown: indent, outdent, reorder and drag, live for both editors; loops converge", async ({
  browser,
}) => {
  test.setTimeout(240_000); // one long two-person session; 2 cores shared with the other specs' browsers
  const ann = await person(browser, "Ann Lee", uniqueEmail("ann"));
  const workspaceId = await ann.app.createWorkspace("Breakdown");
  const planId = await ann.app.createPlan("Launch plan");
  const bobEmail = uniqueEmail("bob");
  await ann.app.inviteMember(workspaceId, bobEmail);
  await expect(badge(ann.page)).toHaveText("Live");
  for (const name of ["Design", "Build", "Test", "Ship"]) await addTask(ann.page, name);

  const bob = await person(browser, "Bob Stone", bobEmail);
  await bob.page.goto(`/plans/${planId}`);
  await expect(badge(bob.page)).toHaveText("Live");
  await expect(wbs(bob.page, "Ship")).toHaveText("4");

  // Buttons: Ann indents Build under Design; Bob sees it at once.
  await ann.page.getByRole("button", { name: "Indent Build", exact: true }).click();
  await expect(wbs(ann.page, "Build")).toHaveText("1.1");
  await expect(wbs(bob.page, "Build")).toHaveText("1.1");
  await expect(wbs(bob.page, "Test")).toHaveText("2");

  // Keys on the row's handle: Tab indents, Shift+Tab outdents, Alt+↑ moves up; focus stays on the handle.
  await handle(bob.page, "Test").focus();
  await bob.page.keyboard.press("Tab");
  await expect(wbs(ann.page, "Test")).toHaveText("1.2");
  await expect(handle(bob.page, "Test")).toBeFocused();
  await bob.page.keyboard.press("Shift+Tab");
  await expect(wbs(ann.page, "Test")).toHaveText("2");
  await bob.page.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => outline(ann.page)).toEqual(["1 Test", "2 Design", "2.1 Build", "3 Ship"]);
  // In a cell editor Tab moves focus as usual and indents nothing.
  await rowOf(bob.page, "Ship").getByLabel("Task name").focus();
  await bob.page.keyboard.press("Tab");
  await expect(bob.page.getByRole("button", { name: "Details of Ship" })).toBeFocused();
  await expect(wbs(bob.page, "Ship")).toHaveText("3");
  // Alt+Shift+→ in the name field indents; the up/down and outdent buttons do the rest.
  await rowOf(bob.page, "Ship").getByLabel("Task name").focus();
  await bob.page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(wbs(ann.page, "Ship")).toHaveText("2.2");
  await ann.page.getByRole("button", { name: "Move Ship up", exact: true }).click();
  await expect.poll(() => outline(bob.page)).toEqual(["1 Test", "2 Design", "2.1 Ship", "2.2 Build"]);
  await ann.page.getByRole("button", { name: "Outdent Ship", exact: true }).click();
  await expect.poll(() => outline(bob.page)).toEqual(["1 Test", "2 Design", "2.1 Build", "3 Ship"]);

  // Mouse: drag Ship onto the middle of Test (becomes its subtask), then above Design.
  await drag(ann.page, "Ship", "Test", "inside");
  await expect.poll(() => outline(bob.page)).toEqual(["1 Test", "1.1 Ship", "2 Design", "2.1 Build"]);
  await drag(bob.page, "Ship", "Design", "before");
  await expect.poll(() => outline(ann.page)).toEqual(["1 Test", "2 Ship", "3 Design", "3.1 Build"]);
  await drag(ann.page, "Test", "Build", "after");
  await expect.poll(() => outline(bob.page)).toEqual(["1 Ship", "2 Design", "2.1 Build", "2.2 Test"]);

  // Summary roll-up: Design shows its subtasks' span and duration-weighted progress, not editable.
  for (const [name, start, end, progress] of [
    ["Build", "2026-03-02", "2026-03-06", "100"],
    ["Test", "2026-03-09", "2026-03-13", "0"],
  ] as const) {
    await ann.page.getByLabel(`Start of ${name}`).fill(start);
    await ann.page.getByLabel(`End of ${name}`).fill(end);
    await expect(ann.page.getByLabel(`End of ${name}`)).toHaveValue(end);
    const pct = ann.page.getByLabel(`Progress of ${name} in percent`);
    await pct.fill(progress);
    await pct.press("Enter");
  }
  for (const page of [ann.page, bob.page]) {
    await expect(page.getByLabel("Start of Design")).toHaveValue("2026-03-02");
    await expect(page.getByLabel("End of Design")).toHaveValue("2026-03-13");
    await expect(page.getByLabel("Progress of Design in percent")).toHaveValue("50");
    await expect(page.getByLabel("Duration of Design in working days")).toHaveValue("10");
    await expect(page.getByLabel("Start of Design")).toBeDisabled();
  }

  // Add subtask: a new untitled row under Design, its name field focused.
  await bob.page.getByRole("button", { name: "Add subtask to Design", exact: true }).click();
  await expect(bob.page.getByPlaceholder("Untitled task").and(bob.page.locator(":focus"))).toHaveCount(1);
  await bob.page.keyboard.type("Review");
  await bob.page.keyboard.press("Enter");
  await expect(wbs(ann.page, "Review")).toHaveText("2.3");

  // Collapse is this browser's own view: kept over a reload, not seen by the other editor.
  await ann.page.getByRole("button", { name: "Collapse Design" }).click();
  await expect(wbs(ann.page, "Build")).toHaveCount(0);
  await ann.page.reload();
  await expect(badge(ann.page)).toHaveText("Live");
  await expect(wbs(ann.page, "Design")).toHaveText("2");
  await expect(wbs(ann.page, "Build")).toHaveCount(0);
  await expect(wbs(bob.page, "Build")).toHaveText("2.1");
  await ann.page.getByRole("button", { name: "Expand all" }).click();
  await expect(wbs(ann.page, "Build")).toHaveText("2.1");

  // Concurrent re-parenting: offline, Bob puts X under Y while Ann puts Y under X. Both converge.
  await addTask(ann.page, "X");
  await addTask(ann.page, "Y");
  await expect(wbs(bob.page, "Y")).toHaveText("4");
  await bob.context.setOffline(true);
  await expect(badge(bob.page)).toContainText("Offline");
  await handle(bob.page, "Y").focus();
  await bob.page.keyboard.press("Alt+ArrowUp"); // Y above X …
  await handle(bob.page, "X").focus();
  await bob.page.keyboard.press("Tab"); // … and X under Y
  await expect(wbs(bob.page, "X")).toHaveText("3.1");
  await ann.page.getByRole("button", { name: "Indent Y", exact: true }).click();
  await expect(wbs(ann.page, "Y")).toHaveText("3.1");
  await bob.context.setOffline(false);
  await expect(badge(bob.page)).toHaveText("Live");
  // Both screens read afresh on every poll: either may be the one still catching up.
  const both = async () => {
    const [a, b] = await Promise.all([outline(ann.page), outline(bob.page)]);
    return a.join(" | ") === b.join(" | ") ? "converged" : `Ann: ${a.join(" | ")} / Bob: ${b.join(" | ")}`;
  };
  await expect.poll(both, { timeout: 15_000 }).toBe("converged");
  const final = await outline(ann.page);
  expect(final).toHaveLength(7);
  const pair = final.filter((l) => / [XY]$/.test(l)).map((l) => l.split(" ")[0]);
  // One under the other, no loop, neither lost (where the pair sits depends on which id is smaller).
  const [top, under] = pair.sort();
  expect(top).toMatch(/^\d+$/);
  expect(under).toBe(`${top}.1`);

  // Exports carry the numbers (read from the projection, which follows the merge within a second).
  const buildNumber = (await wbs(ann.page, "Build").textContent())!;
  const csv = () => ann.page.request.get(`/api/v1/plans/${planId}/schedule.csv`).then((r) => r.text());
  await expect.poll(csv).toMatch(/^WBS,Name,/);
  await expect.poll(csv).toContain(`\r\n${buildNumber},Build,`);

  // A read-only link shows the numbers and no work breakdown controls.
  await ann.page.goto(`/plans/${planId}/share`);
  await ann.page.getByRole("button", { name: "Create link" }).click();
  const link = await ann.page.getByTestId("new-link").inputValue();
  const guest = await browser.newContext();
  const viewer = await guest.newPage();
  await viewer.goto(link);
  await expect(wbs(viewer, "Build")).toHaveText(buildNumber);
  await expect(viewer.getByRole("button", { name: /^(Move|Indent|Outdent|Add subtask)/ })).toHaveCount(0);

  await Promise.all([ann.context.close(), bob.context.close(), guest.close()]);
});
