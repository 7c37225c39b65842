import { expect, test, type Page } from "@playwright/test";
import { person, uniqueEmail } from "./fixtures";

const badge = (page: Page) => page.getByTestId("connection-badge");
const saved = (page: Page) => page.getByTestId("save-indicator");
const taskNames = (page: Page) => page.getByRole("table", { name: "Tasks" }).getByLabel("Task name");
const addTask = async (page: Page, name: string) => {
  await page.getByLabel("New task name").fill(name);
  await page.getByRole("button", { name: "Add task" }).click();
};

test("two people edit one plan live, see each other, and converge after one goes offline", async ({ browser }) => {
  const ann = await person(browser, "Ann Lee", uniqueEmail("ann"));
  const workspaceId = await ann.app.createWorkspace("Live editing");
  const planId = await ann.app.createPlan("Launch plan");
  const bobEmail = uniqueEmail("bob");
  await ann.app.inviteMember(workspaceId, bobEmail);
  const bob = await person(browser, "Bob Stone", bobEmail);
  await bob.page.goto(`/plans/${planId}`);

  await expect(badge(ann.page)).toHaveText("Live");
  await expect(badge(bob.page)).toHaveText("Live");
  // Presence: each sees the other's avatar by name.
  await expect(ann.page.getByRole("list", { name: "People on this plan" })).toContainText("Bob Stone");
  await expect(bob.page.getByRole("list", { name: "People on this plan" })).toContainText("Ann Lee");

  // The metrics route (Next's bundle) reports the collaboration server's live figures (server.ts).
  const metrics = await (await ann.page.request.get("/api/metrics")).text();
  expect(metrics).toMatch(/planwright_collab_connections\{role="manager"\} [1-9]/);
  expect(metrics).toMatch(/planwright_collab_open_documents [1-9]/);

  // Ann's edit reaches Bob, and Bob's reaches Ann.
  await addTask(ann.page, "Kick-off workshop");
  await expect(taskNames(bob.page)).toHaveValue("Kick-off workshop");
  await expect(saved(ann.page)).toHaveText("All changes saved");
  await bob.page.getByLabel("Start of Kick-off workshop").fill("2026-03-02");
  await expect(ann.page.getByLabel("Start of Kick-off workshop")).toHaveValue("2026-03-02");

  // Bob drops off the network and keeps working; Ann carries on too.
  await bob.context.setOffline(true);
  await expect(badge(bob.page)).toContainText("Offline");
  await addTask(bob.page, "Written offline");
  await expect(badge(bob.page)).toHaveText("Offline — unsynced changes");
  await addTask(ann.page, "Added while Bob was away");
  await expect(taskNames(ann.page)).toHaveCount(2);

  await bob.context.setOffline(false);
  await expect(badge(bob.page)).toHaveText("Live");
  for (const page of [ann.page, bob.page]) await expect(taskNames(page)).toHaveCount(3);
  const names = async (page: Page) =>
    (await taskNames(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).sort();
  expect(await names(ann.page)).toEqual(["Added while Bob was away", "Kick-off workshop", "Written offline"]);
  expect(await names(bob.page)).toEqual(await names(ann.page));
  await expect(saved(bob.page)).toHaveText("All changes saved");

  // The first paint of a fresh load already shows the content (server-rendered from the projection).
  await expect
    .poll(async () => (await ann.page.request.get(`/plans/${planId}`)).text(), { timeout: 5000 })
    .toContain("Written offline");

  // Made a viewer of this plan while he has it open: his editing controls go at once, no reload.
  await expect(bob.page.getByRole("button", { name: "Add task" })).toBeVisible();
  const setBobRole = async (role: "viewer" | "editor") => {
    await ann.page.goto(`/plans/${planId}/share`);
    const form = ann.page.getByRole("form", { name: "Role of Bob Stone on this plan" });
    await form.getByRole("combobox").selectOption(role);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("button", { name: "Save" })).toBeEnabled();
  };
  await setBobRole("viewer");
  await expect(bob.page.getByTestId("role-change")).toContainText("you can now only view it");
  await expect(bob.page.getByRole("button", { name: "Add task" })).toHaveCount(0);
  await expect(bob.page.getByText("Read only")).toBeVisible();
  // And back: he is offered a reload to edit again.
  await setBobRole("editor");
  await expect(bob.page.getByTestId("role-change")).toContainText("you can now edit it");
  await bob.page.getByTestId("role-change").getByRole("button", { name: "Reload" }).click();
  await expect(bob.page.getByRole("button", { name: "Add task" })).toBeVisible();
  await expect(badge(bob.page)).toHaveText("Live");

  // Removing Bob from the workspace closes his live connection at once, and he is told why.
  await ann.page.goto(`/workspaces/${workspaceId}/members`);
  const bobRow = ann.page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: "Bob Stone" });
  await bobRow.getByRole("button", { name: "Remove" }).click();
  await ann.page.getByRole("button", { name: "Remove member" }).click();
  await expect(bob.page.getByText("You no longer have access to this plan.")).toBeVisible();
  await expect(badge(bob.page)).toHaveText("Not connected");

  await ann.context.close();
  await bob.context.close();
});
