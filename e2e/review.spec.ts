import { expect, test, type Page } from "@playwright/test";
import { person, uniqueEmail } from "./fixtures";

const section = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^\\d+\\.\\s*${name}$`) });
const taskNames = (page: Page) => page.getByRole("table", { name: "Tasks" }).getByLabel("Task name");
async function addTask(page: Page, name: string) {
  await page.getByLabel("New task name").fill(name);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByLabel(`Start of ${name}`)).toBeVisible();
}

test("sign-off: approver approves with a comment, the plan records who and when, freezes a baseline, flags later edits; activity and duplicate", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const olivia = await person(browser, "Olivia Owner", uniqueEmail("olivia"));
  const workspaceId = await olivia.app.createWorkspace("Sign-off");
  const anaEmail = uniqueEmail("ana");
  await olivia.app.inviteMember(workspaceId, anaEmail);
  const planId = await olivia.app.createPlan("Launch plan");

  // A new plan walks through the six planning steps.
  await expect(olivia.page.getByRole("list", { name: "Planning steps" })).toContainText("Define goals");
  await expect(
    olivia.page.getByRole("list", { name: "Planning steps" }).getByRole("link", { name: "Schedule" }),
  ).toHaveAttribute("href", "#schedule");

  // Olivia schedules a task.
  await expect(olivia.page.getByTestId("connection-badge")).toHaveText("Live");
  await addTask(olivia.page, "Kick-off");
  await olivia.page.getByLabel("Start of Kick-off").fill("2026-03-02");
  await olivia.page.getByLabel("End of Kick-off").fill("2026-03-06");
  await expect(olivia.page.getByTestId("save-indicator")).toHaveText("All changes saved");

  // She names Ana as approver and sends the plan for review.
  await olivia.page.getByRole("link", { name: "Review & sign-off" }).click();
  await expect(olivia.page).toHaveURL(new RegExp(`/plans/${planId}/review$`));
  await expect(olivia.page.getByRole("button", { name: "Send for review" })).toHaveCount(0);
  const ana = await person(browser, "Ana Approver", anaEmail);
  await olivia.page.reload();
  await olivia.page.getByLabel("Add approver").selectOption({ label: "Ana Approver" });
  await olivia.page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(olivia.page.getByRole("list", { name: "Approvers" })).toContainText("Ana Approver");
  await olivia.page.getByRole("button", { name: "Send for review" }).click();
  await expect(olivia.page.getByRole("list", { name: "Approvers" })).toContainText("Waiting for sign-off");
  // Olivia is not an approver, so she cannot sign off.
  await expect(olivia.page.getByRole("form", { name: "Your sign-off" })).toHaveCount(0);

  // Ana approves with a comment.
  await ana.page.goto(`/plans/${planId}/review`);
  const form = ana.page.getByRole("form", { name: "Your sign-off" });
  await form.getByLabel(/Comment/).fill("Dates look realistic.");
  await form.getByRole("button", { name: "Approve" }).click();
  // The form gives way to the result: the plan is approved by Ana.
  await expect(ana.page.getByTestId("approval-summary")).toContainText("by Ana Approver");

  // The plan shows who approved it and when, and the frozen baseline.
  await olivia.page.goto(`/plans/${planId}/review`);
  await expect(olivia.page.getByTestId("approval-summary")).toContainText(
    /Approved \d{1,2} \w{3} \d{4}, \d{2}:\d{2} by Ana Approver/,
  );
  await expect(olivia.page.getByRole("list", { name: "Sign-off history" })).toContainText("Dates look realistic.");
  await expect(olivia.page.getByText("schedule baseline frozen")).toBeVisible();
  await olivia.page.goto(`/plans/${planId}`);
  await expect(olivia.page.getByTestId("approval-summary")).toContainText("by Ana Approver");
  await expect(olivia.page.getByLabel("Baseline to compare with")).toContainText(/Approved \d{4}-\d{2}-\d{2}/);
  await expect(section(olivia.page, "Schedule")).not.toContainText("Changed since approval");

  // Ana edits the schedule: the Schedule section (only) is now "changed since approval", live for Olivia too.
  await ana.page.goto(`/plans/${planId}`);
  await expect(ana.page.getByTestId("connection-badge")).toHaveText("Live");
  await addTask(ana.page, "Rollback rehearsal");
  await expect(section(ana.page, "Schedule")).toContainText("Changed since approval");
  await expect(section(olivia.page, "Schedule")).toContainText("Changed since approval");
  await expect(section(olivia.page, "Objectives")).not.toContainText("Changed since approval");
  await olivia.page.reload();
  await expect(section(olivia.page, "Schedule")).toContainText("Changed since approval");
  await olivia.page.goto(`/plans/${planId}/review`);
  await expect(olivia.page.getByText("Changed since approval:")).toContainText("Schedule");

  // Activity lists both people's changes.
  await olivia.page.goto(`/plans/${planId}/activity`);
  const activity = olivia.page.getByRole("list", { name: "Activity" });
  await expect(async () => {
    await olivia.page.reload();
    await expect(activity).toContainText("Ana Approver changed Schedule", { timeout: 1000 });
    await expect(activity).toContainText("Olivia Owner changed Schedule", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // Duplicate: a copy with the same tasks.
  await olivia.page.goto(`/plans/${planId}`);
  await olivia.page.getByRole("button", { name: "Duplicate" }).click();
  await expect(olivia.page).not.toHaveURL(new RegExp(planId));
  await expect(olivia.page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(olivia.page.getByRole("heading", { level: 1 })).toHaveText("Copy of Launch plan");
  await expect(taskNames(olivia.page)).toHaveCount(2);
  const names = await taskNames(olivia.page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
  expect(names).toEqual(["Kick-off", "Rollback rehearsal"]);
  await expect(olivia.page.getByLabel("Start of Kick-off")).toHaveValue("2026-03-02");

  await olivia.context.close();
  await ana.context.close();
});
