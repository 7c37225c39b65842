import { expect, test, type Page } from "@playwright/test";
import { twoOnOnePlan } from "./fixtures";

const section = (page: Page, id: string) => page.locator(`section#${id}`);
const card = (page: Page, id: string, name: string) =>
  section(page, id)
    .locator("li[id^=row-]")
    .filter({ has: page.locator(`input[value="${name}"]`) });

async function add(page: Page, id: string, label: string, button: string, name: string) {
  await section(page, id).getByLabel(label).fill(name);
  await section(page, id).getByRole("button", { name: button }).click();
}

async function setText(scope: ReturnType<Page["locator"]>, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press("Enter");
}

test("two people co-edit stakeholders and the research log live", async ({ browser }) => {
  const { ann, bob } = await twoOnOnePlan(browser, "Depot move");

  await test.step("the sections have their own anchors in the template's order", async () => {
    await ann.page.goto(`${ann.page.url().split("#")[0]}#stakeholders`);
    await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
    const ids = await ann.page.locator("section[id]").evaluateAll((els) => els.map((e) => e.id));
    expect(ids.indexOf("deliverables")).toBeLessThan(ids.indexOf("stakeholders"));
    expect(ids.indexOf("stakeholders")).toBeLessThan(ids.indexOf("research"));
    expect(ids.indexOf("research")).toBeLessThan(ids.indexOf("strategy"));
    await expect(section(bob.page, "stakeholders").getByText("No stakeholders yet.")).toBeVisible();
    await expect(section(bob.page, "research").getByText("No research recorded yet.")).toBeVisible();
  });

  await test.step("stakeholders: added by one, placed on the grid and edited by both at once", async () => {
    await add(ann.page, "deliverables", "New deliverable name", "Add deliverable", "Move plan");
    await add(ann.page, "stakeholders", "New stakeholder name", "Add stakeholder", "Finance");
    const bobCard = card(bob.page, "stakeholders", "Finance");
    await expect(bobCard).toHaveCount(1);
    // Two fields of one stakeholder, each by one person, at the same moment.
    await Promise.all([
      setText(card(ann.page, "stakeholders", "Finance"), "Organisation / role", "CFO office"),
      bobCard.getByLabel("Interest").selectOption("1"),
    ]);
    await bobCard.getByLabel("Influence").selectOption("5");
    for (const p of [ann.page, bob.page]) {
      const c = card(p, "stakeholders", "Finance");
      await expect(c.getByLabel("Organisation / role")).toHaveValue("CFO office");
      await expect(c.getByLabel("Interest")).toHaveValue("1");
      await expect(
        section(p, "stakeholders").getByRole("listitem", { name: "Keep satisfied" }).getByText("Finance"),
      ).toBeVisible();
    }
    // The communication plan and what they receive.
    await setText(card(ann.page, "stakeholders", "Finance"), "Channel", "Steering committee");
    await card(bob.page, "stakeholders", "Finance").getByLabel("Frequency").selectOption("monthly");
    await card(bob.page, "stakeholders", "Finance").getByLabel("Add to receives: Finance").selectOption({
      label: "Move plan",
    });
    const receives = card(ann.page, "stakeholders", "Finance").getByRole("list", { name: "Receives: Finance" });
    await expect(receives.getByRole("link", { name: "Move plan" })).toBeVisible();
    await expect(card(ann.page, "stakeholders", "Finance").getByLabel("Frequency")).toHaveValue("monthly");
    await expect(card(bob.page, "stakeholders", "Finance").getByLabel("Channel")).toHaveValue("Steering committee");
  });

  await test.step("research: findings in Markdown and links to what they informed, live", async () => {
    await add(ann.page, "objectives", "New objective title", "Add objective", "Faster moves");
    await add(bob.page, "research", "New research entry title", "Add research", "Driver interviews");
    const annEntry = card(ann.page, "research", "Driver interviews");
    await expect(annEntry).toHaveCount(1);
    await Promise.all([
      annEntry.getByLabel("Kind").selectOption("focus_group"),
      setText(card(bob.page, "research", "Driver interviews"), "Participants", "Six drivers"),
    ]);
    const bobEntry = card(bob.page, "research", "Driver interviews");
    await bobEntry.getByRole("button", { name: "Edit findings of Driver interviews" }).click();
    await bobEntry.getByRole("textbox", { name: "Findings" }).fill("Loading takes **two hours** a day.");
    await bobEntry.getByRole("button", { name: "Done editing findings of Driver interviews" }).click();
    await expect(annEntry.locator("strong", { hasText: "two hours" })).toBeVisible();
    await expect(annEntry.getByLabel("Participants")).toHaveValue("Six drivers");
    await expect(bobEntry.getByLabel("Kind")).toHaveValue("focus_group");

    await annEntry.getByLabel("Add to informs: Driver interviews").selectOption({ label: "Faster moves" });
    const informs = bobEntry.getByRole("list", { name: "Informs: Driver interviews" });
    await expect(informs.getByRole("link", { name: "Objective: Faster moves" })).toBeVisible();
    // Deleting the objective leaves a dangling link that is simply not shown.
    await section(bob.page, "objectives").getByRole("button", { name: "Remove Faster moves" }).click();
    await expect(annEntry.getByRole("list", { name: "Informs: Driver interviews" })).toHaveCount(0);
    await expect(annEntry.getByText("none")).toBeVisible();
  });

  await ann.context.close();
  await bob.context.close();
});
