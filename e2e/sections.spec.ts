import { expect, test, type Page } from "@playwright/test";
import { twoOnOnePlan } from "./fixtures";

const section = (page: Page, id: string) => page.locator(`section#${id}`);
const objectiveRows = (page: Page) => section(page, "objectives").locator("li[id^=row-]");
const objective = (page: Page, title: string) =>
  objectiveRows(page).filter({ has: page.locator(`input[value="${title}"]`) });
const editor = (page: Page) => section(page, "strategy").getByRole("textbox", { name: "Implementation strategy" });
/** The editor's text without the remote carets' name tags. */
const editorText = (page: Page) =>
  editor(page).evaluate((el) =>
    [...el.querySelectorAll(".cm-line")]
      .map((line) => {
        const copy = line.cloneNode(true) as Element;
        copy.querySelectorAll(".cm-ySelectionCaret").forEach((c) => c.remove());
        return copy.textContent?.replace(/\u2060/g, "");
      })
      .join("\n"),
  );

async function addObjective(page: Page, title: string) {
  await section(page, "objectives").getByLabel("New objective title").fill(title);
  await section(page, "objectives").getByRole("button", { name: "Add objective" }).click();
}

async function setField(page: Page, scope: ReturnType<Page["locator"]>, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press("Enter");
}

test("two people co-edit objectives and the strategy at the same moment and both keep their words", async ({
  browser,
}) => {
  const { ann, bob, planId } = await twoOnOnePlan(browser, "Portal relaunch");

  await test.step("objectives: one row edited in two fields at once, two rows added at once", async () => {
    await addObjective(ann.page, "Cut support calls");
    await expect(objective(bob.page, "Cut support calls")).toHaveCount(1);
    // Two fields of one objective, each by one person, at the same moment.
    await Promise.all([
      setField(ann.page, objective(ann.page, "Cut support calls"), "Target", "840"),
      setField(bob.page, objective(bob.page, "Cut support calls"), "KPI metric", "Calls per week"),
    ]);
    // Two new objectives at the same moment.
    await Promise.all([addObjective(ann.page, "Move ordering online"), addObjective(bob.page, "Happier customers")]);
    for (const p of [ann.page, bob.page]) {
      await expect(objectiveRows(p)).toHaveCount(3);
      await expect(objective(p, "Cut support calls").getByLabel("Target", { exact: true })).toHaveValue("840");
      await expect(objective(p, "Cut support calls").getByLabel("KPI metric")).toHaveValue("Calls per week");
    }
    // Progress toward the target appears once baseline and current are known.
    await setField(ann.page, objective(ann.page, "Cut support calls"), "Baseline", "1200");
    await setField(ann.page, objective(ann.page, "Cut support calls"), "Current", "1020");
    await expect(objective(bob.page, "Cut support calls").getByRole("progressbar")).toHaveAttribute(
      "aria-valuenow",
      "50",
    );
    // Reorder by keyboard: the last objective moves to the top for both.
    const last = objectiveRows(ann.page).last();
    const lastTitle = await last.getByLabel("Objective title").inputValue();
    await last.getByRole("button", { name: `Move ${lastTitle} up` }).click();
    await ann.page.getByRole("button", { name: `Move ${lastTitle} up` }).click();
    await expect(objectiveRows(bob.page).first().getByLabel("Objective title")).toHaveValue(lastTitle);
    // Reorder by dragging: the first objective dropped onto the last row takes its place. The drag
    // events are dispatched one by one (the emulated mouse drag does not deliver dragover here).
    const dataTransfer = await ann.page.evaluateHandle(() => new DataTransfer());
    const handle = objectiveRows(ann.page).first().locator('[title="Drag to reorder"]');
    const target = objectiveRows(ann.page).last();
    await handle.dispatchEvent("dragstart", { dataTransfer });
    await target.dispatchEvent("dragenter", { dataTransfer });
    await target.dispatchEvent("dragover", { dataTransfer });
    await expect(target).toHaveAttribute("data-drop-target", "");
    await target.dispatchEvent("drop", { dataTransfer });
    await handle.dispatchEvent("dragend", { dataTransfer });
    await expect(objectiveRows(bob.page).last().getByLabel("Objective title")).toHaveValue(lastTitle);
  });

  await test.step("strategy: both type into the same paragraph at once", async () => {
    for (const p of [ann.page, bob.page])
      await section(p, "strategy").getByRole("button", { name: "Edit implementation strategy" }).click();
    await editor(ann.page).click();
    await ann.page.keyboard.type("We launch journey by journey.");
    await expect(editor(bob.page)).toContainText("We launch journey by journey.");
    // Both put the caret at the end of the same paragraph and type at the same moment.
    for (const p of [ann.page, bob.page]) {
      await editor(p).click();
      await p.keyboard.press("Control+End");
    }
    await Promise.all([
      ann.page.keyboard.type(" Ann adds alpha.", { delay: 15 }),
      bob.page.keyboard.type(" Bob adds bravo.", { delay: 15 }),
    ]);
    for (const p of [ann.page, bob.page]) {
      await expect(editor(p)).toContainText("Ann adds alpha.");
      await expect(editor(p)).toContainText("Bob adds bravo.");
      await expect(editor(p)).toContainText("We launch journey by journey.");
    }
    await expect
      .poll(() => editorText(ann.page))
      .toMatch(/^We launch journey by journey\.( Ann adds alpha\.| Bob adds bravo\.){2}$/);
    await expect.poll(() => editorText(bob.page)).toBe(await editorText(ann.page));
    // Each sees the other's caret, named.
    await expect(section(ann.page, "strategy").locator(".cm-ySelectionInfo")).toHaveText("Bob Stone");
    await expect(section(bob.page, "strategy").locator(".cm-ySelectionInfo")).toHaveText("Ann Lee");
    // Markdown: a heading and a link, rendered for reading once done.
    await editor(ann.page).click();
    await ann.page.keyboard.press("Control+Home");
    await ann.page.keyboard.type("## Approach\n");
    await ann.page.keyboard.press("Control+End");
    await ann.page.keyboard.type("\n\nSee [the guidelines](https://example.com/wcag).");
    await section(ann.page, "strategy").getByRole("button", { name: "Done editing" }).click();
    const strategy = section(ann.page, "strategy");
    await expect(strategy.getByRole("heading", { name: "Approach" })).toBeVisible();
    await expect(
      strategy.getByText(/Ann adds alpha\. Bob adds bravo\.|Bob adds bravo\. Ann adds alpha\./),
    ).toBeVisible();
    await expect(strategy.getByRole("link", { name: "the guidelines" })).toHaveAttribute("rel", "noopener noreferrer");
    // The plan's Undo covers typing in the strategy too (only Ann's own words), and Redo brings them back.
    const undo = ann.page.getByRole("button", { name: "Undo", exact: true });
    await undo.click();
    await expect(strategy.getByRole("link", { name: "the guidelines" })).toHaveCount(0);
    await expect(strategy.getByText(/Bob adds bravo\./)).toBeVisible();
    await ann.page.getByRole("button", { name: "Redo", exact: true }).click();
    await expect(strategy.getByRole("link", { name: "the guidelines" })).toBeVisible();
    await expect(section(bob.page, "strategy").getByRole("textbox", { name: "Implementation strategy" })).toContainText(
      "See [the guidelines]",
    );
    // The server-rendered first paint of a fresh load already shows the merged text and the objectives.
    await expect
      .poll(async () => (await bob.page.request.get(`/plans/${planId}`)).text(), { timeout: 10_000 })
      .toContain("Bob adds bravo.");
    const html = await (await bob.page.request.get(`/plans/${planId}`)).text();
    expect(html).toContain("Ann adds alpha.");
    expect(html).toContain("Happier customers");
  });

  await ann.context.close();
  await bob.context.close();
});

test("refused values stay local with a reason; completeness links to the row; the score is listed; a read-only link has no edit controls", async ({
  browser,
}) => {
  const { ann, bob, workspaceId, planId } = await twoOnOnePlan(browser, "Office move");
  const annBudget = section(ann.page, "resources");
  const bobBudget = section(bob.page, "resources");

  await test.step("a negative cost is refused inline and never reaches the other browser", async () => {
    await annBudget.getByLabel("New budget line category").fill("Movers");
    await annBudget.getByRole("button", { name: "Add budget line" }).click();
    await setField(ann.page, annBudget, "Planned cost of Movers", "12,000");
    await expect(bobBudget.getByLabel("Planned cost of Movers")).toHaveValue("12000");
    await setField(ann.page, annBudget, "Planned cost of Movers", "-50");
    await expect(annBudget.getByText("Planned cost cannot be negative.")).toBeVisible();
    await expect(annBudget.getByLabel("Planned cost of Movers")).toHaveValue("-50");
    await expect(annBudget.getByLabel("Planned cost of Movers")).toHaveAttribute("aria-invalid", "true");
    // An allowed edit from Ann still goes through, the refused one never does.
    await setField(ann.page, annBudget, "Actual cost of Movers", "500");
    await expect(bobBudget.getByLabel("Actual cost of Movers")).toHaveValue("500");
    await expect(bobBudget.getByLabel("Planned cost of Movers")).toHaveValue("12000");
    // Escape gives the stored value back.
    await annBudget.getByLabel("Planned cost of Movers").press("Escape");
    await expect(annBudget.getByLabel("Planned cost of Movers")).toHaveValue("12000");
  });

  await test.step("a percentage over 100 is refused, and a person over 100% across roles is flagged", async () => {
    await annBudget.getByLabel("New person name").fill("Lena Vogel");
    await annBudget.getByRole("button", { name: "Add" }).first().click();
    await setField(ann.page, annBudget, "Allocation of Lena Vogel", "150");
    await expect(annBudget.getByText("Allocation must be between 0 and 100%.")).toBeVisible();
    await expect(bobBudget.getByLabel("Allocation of Lena Vogel")).toHaveValue("100");
    await annBudget.getByLabel("New person name").fill("Lena Vogel");
    await annBudget.getByRole("button", { name: "Add" }).first().click();
    await expect(bobBudget.getByText("Over-allocated: 200% in total")).toHaveCount(2);
  });

  await test.step("a completeness item leads to the row to fix", async () => {
    await addObjective(ann.page, "Everyone moved by June");
    const row = objective(ann.page, "Everyone moved by June");
    const rowId = await row.getAttribute("id");
    await ann.page.getByText("Show what is missing").click();
    await ann.page.getByRole("link", { name: "“Everyone moved by June” has no KPI target." }).click();
    await expect.poll(() => ann.page.evaluate(() => document.activeElement?.closest("[id^=row-]")?.id)).toBe(rowId);
    await expect(ann.page).toHaveURL(/#objectives$/);
    // Fixing it removes the item, live.
    await setField(ann.page, row, "Target", "100");
    await expect(ann.page.getByRole("link", { name: "“Everyone moved by June” has no KPI target." })).toHaveCount(0);
  });

  await test.step("the plan's score appears in the workspace's plan list", async () => {
    const score = (await ann.page.getByTestId("completeness-score").innerText()).trim();
    expect(Number.parseInt(score)).toBeGreaterThan(0);
    // The list reads the projection, written just after the edits are stored.
    await expect
      .poll(async () => {
        await bob.page.goto(`/workspaces/${workspaceId}`);
        return (
          await bob.page
            .getByRole("row", { name: /Office move/ })
            .getByTestId("plan-completeness")
            .innerText()
        ).trim();
      })
      .toBe(score);
  });

  await test.step("a read-only link shows the content with no edit controls", async () => {
    await ann.page.goto(`/plans/${planId}/share`);
    await ann.page.getByRole("button", { name: "Create link" }).click();
    const url = await ann.page.getByRole("textbox", { name: "New read-only link" }).inputValue();
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(url);
    await expect(guest.getByTestId("connection-badge")).toHaveText("Live");
    await expect(section(guest, "objectives")).toContainText("Everyone moved by June");
    await expect(section(guest, "resources")).toContainText("Movers");
    await expect(section(guest, "resources")).toContainText("12,000");
    for (const id of ["objectives", "scope", "deliverables", "strategy", "resources", "metrics"]) {
      await expect(section(guest, id).locator("input, textarea, select, [contenteditable=true]")).toHaveCount(0);
      await expect(section(guest, id).getByRole("button")).toHaveCount(0);
    }
    await guestContext.close();
  });

  await ann.context.close();
  await bob.context.close();
});
