import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { person, uniqueEmail } from "./fixtures";

/** No accessibility violations in a section's body (the section frame around it is checked elsewhere). */
async function expectAccessible(page: Page, section: string) {
  const { violations } = await new AxeBuilder({ page }).include(`${section} > div.mt-4`).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// Register columns, left to right (see components/risks/columns.ts).
const COL = { title: 0, category: 1, owner: 2, likelihood: 3, impact: 4, score: 5, status: 6, mitigation: 11 } as const;

const register = (page: Page) => page.getByRole("grid", { name: "Risk register" });
const riskRow = (page: Page, title: string) => register(page).getByRole("row").filter({ hasText: title });
const riskCell = (page: Page, title: string, col: number) => riskRow(page, title).getByRole("gridcell").nth(col);
const raci = (page: Page) => page.getByRole("grid", { name: "RACI grid" });
const raciRow = (page: Page, name: string) => raci(page).getByRole("row").filter({ hasText: name });
const raciCell = (page: Page, row: string, col: number) => raciRow(page, row).getByRole("gridcell").nth(col);

test("two people edit the risk register and the RACI grid at once; a read-only link sees it live and cannot change it", async ({
  browser,
}) => {
  const ann = await person(browser, "Ann Lee", uniqueEmail("ann"));
  const workspaceId = await ann.app.createWorkspace("Risks");
  const planId = await ann.app.createPlan("Portal launch");
  const bobEmail = uniqueEmail("bob");
  await ann.app.inviteMember(workspaceId, bobEmail);
  const bob = await person(browser, "Bob Stone", bobEmail);
  await bob.page.goto(`/plans/${planId}`);
  await ann.page.reload();
  for (const p of [ann.page, bob.page]) await expect(p.getByTestId("connection-badge")).toHaveText("Live");

  await test.step("rows and columns for the grid", async () => {
    for (const name of ["Design review", "Build portal"]) {
      await ann.page.getByLabel("New task name").fill(name);
      await ann.page.getByRole("button", { name: "Add task" }).click();
    }
    const raciSection = ann.page.locator("section#raci");
    for (const name of ["Ann Lee", "Bob Stone"]) {
      await raciSection.getByLabel("Member to add as a column").selectOption({ label: name });
      await raciSection.getByRole("button", { name: "Add member" }).click();
    }
    await expect(raci(bob.page).getByRole("columnheader")).toContainText([
      "Task or deliverable",
      "Ann Lee",
      "Bob Stone",
      "Rule check",
    ]);
  });

  await test.step("keyboard editing of the register", async () => {
    await ann.page.getByRole("button", { name: "Add risk" }).click();
    // The new risk opens with its title being edited.
    await ann.page.getByLabel("Risk of untitled risk").fill("Vendor late");
    await ann.page.keyboard.press("Enter");
    await expect(riskCell(ann.page, "Vendor late", COL.title)).toBeFocused();
    await ann.page.keyboard.press("ArrowRight");
    const category = riskCell(ann.page, "Vendor late", COL.category);
    await expect(category).toBeFocused();
    // Enter edits, Escape cancels: nothing is written.
    await ann.page.keyboard.press("Enter");
    await ann.page.keyboard.type("Oops");
    await ann.page.keyboard.press("Escape");
    await expect(category).toHaveText("—");
    await expect(category).toBeFocused();
    // Typing starts an edit; Tab saves and moves on.
    await ann.page.keyboard.type("Schedule");
    await ann.page.keyboard.press("Tab");
    await expect(category).toHaveText("Schedule");
    await expect(riskCell(ann.page, "Vendor late", COL.owner)).toBeFocused();
    await expect(riskCell(bob.page, "Vendor late", COL.category)).toHaveText("Schedule");
    // Score follows likelihood × impact with its band.
    await expect(riskCell(bob.page, "Vendor late", COL.score)).toHaveText("9Medium");
  });

  await test.step("presence: each sees where the other is", async () => {
    await riskCell(bob.page, "Vendor late", COL.status).click();
    await expect(riskCell(ann.page, "Vendor late", COL.status)).toHaveAttribute("data-peers", "Bob Stone");
  });

  await test.step("both change different fields of the same risk at the same moment", async () => {
    const annEdit = async () => {
      await riskCell(ann.page, "Vendor late", COL.likelihood).click();
      await ann.page.keyboard.press("Enter");
      await ann.page.getByLabel("Likelihood of Vendor late").selectOption("5");
      await ann.page.keyboard.press("Enter");
    };
    const bobEdit = async () => {
      await riskCell(bob.page, "Vendor late", COL.mitigation).click();
      await bob.page.keyboard.press("Enter");
      await bob.page.getByLabel("Mitigation of Vendor late").fill("Weekly check-in with the vendor");
      await bob.page.keyboard.press("Enter");
    };
    await Promise.all([annEdit(), bobEdit()]);
    for (const p of [ann.page, bob.page]) {
      await expect(riskCell(p, "Vendor late", COL.likelihood)).toContainText("5");
      await expect(riskCell(p, "Vendor late", COL.mitigation)).toHaveText("Weekly check-in with the vendor");
      await expect(riskCell(p, "Vendor late", COL.score)).toHaveText("15High");
    }
    // The heat map filters the register.
    await ann.page.getByRole("button", { name: /^Likelihood 5, impact 3: score 15/ }).click();
    await expect(register(ann.page).getByRole("row")).toHaveCount(2);
    await ann.page.getByRole("button", { name: /^Likelihood 1, impact 1:/ }).click();
    await expect(register(ann.page)).toContainText("No risks match these filters.");
    await ann.page.getByRole("button", { name: "Clear filters" }).click();
  });

  await test.step("neighbouring RACI cells set at the same moment, by keyboard", async () => {
    const annSets = async () => {
      await raciCell(ann.page, "Design review", 0).click();
      await ann.page.keyboard.press("r");
    };
    const bobSets = async () => {
      await raciCell(bob.page, "Design review", 1).click();
      await bob.page.keyboard.press("A");
    };
    await Promise.all([annSets(), bobSets()]);
    for (const p of [ann.page, bob.page]) {
      await expect(raciCell(p, "Design review", 0)).toHaveText("R");
      await expect(raciCell(p, "Design review", 1)).toHaveText("A");
      await expect(raciRow(p, "Design review")).toContainText("OK");
    }
    await expect(raciCell(ann.page, "Design review", 1)).toHaveAttribute("data-peers", "Bob Stone");
    // Arrows move, Delete clears; the broken rule shows with its reason, and the load follows.
    await raciCell(ann.page, "Design review", 0).click();
    await ann.page.keyboard.press("ArrowDown");
    await expect(raciCell(ann.page, "Build portal", 0)).toBeFocused();
    await ann.page.keyboard.press("c");
    await ann.page.keyboard.press("ArrowUp");
    await ann.page.keyboard.press("Delete");
    await expect(raciCell(bob.page, "Design review", 0)).toHaveText("");
    await expect(raciCell(bob.page, "Build portal", 0)).toHaveText("C");
    await expect(raciRow(bob.page, "Design review")).toContainText("No one is Responsible: at least one must be.");
    await expect(raci(bob.page).getByRole("columnheader", { name: /Bob Stone/ })).toContainText("Load 1");
  });

  await test.step("no accessibility violations, for editors and (below) for read-only links", async () => {
    await expectAccessible(ann.page, "section#risks");
    await expectAccessible(ann.page, "section#raci");
  });

  await test.step("CSV exports", async () => {
    const risks = await ann.page.request.get(`/api/v1/plans/${planId}/risks.csv`);
    expect(risks.headers()["content-type"]).toContain("text/csv");
    await expect
      .poll(async () => (await ann.page.request.get(`/api/v1/plans/${planId}/raci.csv`)).text(), { timeout: 10_000 })
      .toContain("Task,Design review,,A,");
    const risksText = await (await ann.page.request.get(`/api/v1/plans/${planId}/risks.csv`)).text();
    expect(risksText.split("\r\n")[0]).toBe(
      "Title,Category,Owner,Likelihood,Impact,Score,Band,Status,Review date,Review overdue,Linked tasks,Description,Trigger,Mitigation,Contingency plan",
    );
    expect(risksText).toContain("Vendor late,Schedule,,5,3,15,High,Open,,no,,,,Weekly check-in with the vendor,");
    const grid = await (await bob.page.request.get(`/api/v1/plans/${planId}/raci.csv`)).text();
    expect(grid).toContain("Kind,Name,Ann Lee,Bob Stone,Problems");
    expect(grid).toContain("Task,Design review,,A,No one is Responsible: at least one must be.");
  });

  await test.step("a read-only link sees everything live and cannot change it", async () => {
    await ann.page.goto(`/plans/${planId}/share`);
    await ann.page.getByRole("button", { name: "Create link" }).click();
    const url = await ann.page.getByRole("textbox", { name: "New read-only link" }).inputValue();
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(url);
    await expect(guest.getByTestId("connection-badge")).toContainText("Live");
    await expect(riskCell(guest, "Vendor late", COL.mitigation)).toHaveText("Weekly check-in with the vendor");
    await expect(raciCell(guest, "Design review", 1)).toHaveText("A");
    // No edit controls.
    for (const name of ["Add risk", "Add member", "Add role", "Change score bands"])
      await expect(guest.getByRole("button", { name })).toHaveCount(0);
    await expect(guest.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    // Keys do nothing but move.
    await riskCell(guest, "Vendor late", COL.category).click();
    await guest.keyboard.press("Enter");
    await guest.keyboard.type("x");
    await guest.keyboard.press("Delete");
    await expect(register(guest).getByRole("textbox")).toHaveCount(0);
    await expect(riskCell(guest, "Vendor late", COL.category)).toHaveText("Schedule");
    await raciCell(guest, "Design review", 1).click();
    await guest.keyboard.press("i");
    await guest.keyboard.press("Backspace");
    await expect(raciCell(guest, "Design review", 1)).toHaveText("A");
    await expectAccessible(guest, "section#risks");
    await expectAccessible(guest, "section#raci");
    // Live: Bob's next edit reaches the guest.
    await bob.page.locator("section#raci").getByLabel("New role name").fill("QA lead");
    await bob.page.locator("section#raci").getByRole("button", { name: "Add role" }).click();
    await expect(raci(guest).getByRole("columnheader", { name: /QA lead/ })).toBeVisible();
    // The link's own CSV download.
    const href = await guest.getByRole("link", { name: "Export RACI (CSV)" }).getAttribute("href");
    expect(href).toContain("?token=");
    const res = await guest.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toBe('attachment; filename="portal-launch-raci.csv"');
    // The export reads the projection, which follows the document a moment after each saved batch.
    await expect
      .poll(async () => (await guest.request.get(href!)).text(), { timeout: 10_000 })
      .toContain("Kind,Name,Ann Lee,Bob Stone,QA lead,Problems");
    expect((await guest.request.get(href!.replace(/token=[^&]+/, "token=revoked-or-wrong"))).status()).toBe(404);
    await guestContext.close();
  });

  await test.step("first paint comes from the projection", async () => {
    await expect
      .poll(async () => (await ann.page.request.get(`/plans/${planId}`)).text(), { timeout: 10_000 })
      .toContain("Weekly check-in with the vendor");
  });

  await ann.context.close();
  await bob.context.close();
});
