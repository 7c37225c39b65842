import { expect, test } from "@playwright/test";
import { blankRow, insertRow, randomUUID } from "../lib/doc";
import { addDays } from "../lib/plan/dates";
import { weekStartOf } from "../lib/plan/capacity";
import { person, uniqueEmail } from "./fixtures";
import { callAction, form as actionForm } from "./hardening/actions";
import { editLiveDoc } from "./hardening/live-doc";

/** Create a link on the Sharing page with the given boxes ticked; returns its URL. */
async function createLink(page: import("@playwright/test").Page, planId: string, label: string, boxes: RegExp[]) {
  await page.goto(`/plans/${planId}/share`);
  const form = page.getByRole("form", { name: "New read-only link" });
  await form.getByLabel("Label (optional)").fill(label);
  for (const box of boxes) await form.getByLabel(box).check();
  await form.getByRole("button", { name: "Create link" }).click();
  return page.getByTestId("new-link").inputValue();
}

test("an outsider's refused feedback keeps what they wrote; a member answers; the outsider reads the answer", async ({
  browser,
}) => {
  const erin = await person(browser, "Erin Editor");
  await erin.app.createWorkspace("Client work");
  const planId = await erin.app.createPlan("Website refresh");
  const url = await createLink(erin.page, planId, "Client", [/ask questions/]);

  const outsider = await browser.newContext();
  const reader = await outsider.newPage();
  await reader.goto(url);
  const form = reader.getByRole("form", { name: "Feedback" });
  await form.getByLabel("Section").selectOption({ label: "Resources & budget" });
  await form.getByLabel("Kind").selectOption("comment");
  await form.getByLabel("Your name").fill("  ");
  await form.getByLabel("Your question or comment").fill("Who approves the extra tester?");
  await form.getByRole("button", { name: "Send feedback" }).click();
  // Refused (a name is required): the message stands by the form and nothing typed is lost.
  await expect(form.getByText(/Give your name/)).toBeVisible();
  await expect(form.getByRole("alert")).toContainText("Please correct the fields marked above.");
  await expect(form.getByLabel("Section")).toHaveValue("resources");
  await expect(form.getByLabel("Kind")).toHaveValue("comment");
  await expect(form.getByLabel("Your name")).toHaveValue("  ");
  await expect(form.getByLabel("Your question or comment")).toHaveValue("Who approves the extra tester?");
  // A second refusal, with the other kind chosen, keeps it too.
  await form.getByLabel("Kind").selectOption("question");
  await form.getByRole("button", { name: "Send feedback" }).click();
  await expect(form.getByLabel("Kind")).toHaveValue("question");
  await expect(form.getByLabel("Your question or comment")).toHaveValue("Who approves the extra tester?");

  await form.getByLabel("Your name").fill("Rita Reader");
  await form.getByRole("button", { name: "Send feedback" }).click();
  await expect(form.getByRole("status")).toContainText("Thank you");
  await expect(form.getByLabel("Your question or comment")).toHaveValue("");
  // Downloads are not on for this link.
  await expect(reader.getByRole("link", { name: "Download PDF" })).toHaveCount(0);
  await reader.reload();
  const mine = reader.getByTestId("link-feedback-item").filter({ hasText: "Rita Reader" });
  await expect(mine).toContainText("Question on Resources & budget");
  await expect(mine).toContainText("Not answered yet.");

  await erin.page.goto(`/plans/${planId}/share`);
  const item = erin.page.getByTestId("feedback-item").filter({ hasText: "Rita Reader" });
  await expect(item).toContainText("Question on Resources & budget");
  await expect(item).toContainText("Who approves the extra tester?");
  await item.getByRole("textbox", { name: "Reply" }).fill("The steering committee, on Monday.");
  await item.getByRole("button", { name: "Send reply" }).click();
  await expect(item).toContainText("Erin Editor: The steering committee, on Monday.");
  await item.getByRole("button", { name: "Resolve" }).click();
  await expect(item).toContainText("Resolved");

  // The outsider, on the same link, reads the answer after a reload; who answered stays with members.
  await reader.reload();
  await expect(mine).toContainText("Answer from the team: The steering committee, on Monday.");
  await expect(reader.getByRole("list", { name: "Questions and answers" })).not.toContainText("Erin Editor");
  // A reader of another link of the same plan does not see it.
  const other = await createLink(erin.page, planId, "Suppliers", [/ask questions/]);
  await reader.goto(other);
  await expect(reader.getByRole("heading", { name: "Website refresh" })).toBeVisible();
  await expect(reader.getByTestId("link-feedback-item")).toHaveCount(0);
  await outsider.close();
  await erin.context.close();
});

test("a reader past the feedback limit is told so and keeps the question", async ({ browser, baseURL }) => {
  const erin = await person(browser, "Erin Editor");
  await erin.app.createWorkspace("Client work");
  const planId = await erin.app.createPlan("Office move");
  const url = await createLink(erin.page, planId, "Staff", [/ask questions/]);
  const token = url.split("/s/")[1]!;
  const outsider = await browser.newContext();
  // The hour's ten items from this address, sent the way the form sends them.
  for (let i = 0; i < 10; i++) {
    const sent = await callAction(
      outsider.request,
      baseURL!,
      `/s/${token}`,
      "leaveFeedbackAction",
      actionForm({
        token,
        section: "schedule",
        kind: "comment",
        name: "Sam",
        body: `Note ${i}`,
      }),
    );
    expect(sent.text).toContain("Thank you");
  }
  const reader = await outsider.newPage();
  await reader.goto(url);
  const form = reader.getByRole("form", { name: "Feedback" });
  await form.getByLabel("Section").selectOption({ label: "Schedule" });
  await form.getByLabel("Kind").selectOption("comment");
  await form.getByLabel("Your name").fill("Sam Staff");
  await form.getByLabel("Your question or comment").fill("Can the move wait a week?");
  await form.getByRole("button", { name: "Send feedback" }).click();
  await expect(form.getByRole("alert")).toContainText(/Too many attempts\. Try again in \d+ minutes?\./);
  await expect(form.getByLabel("Section")).toHaveValue("schedule");
  await expect(form.getByLabel("Kind")).toHaveValue("comment");
  await expect(form.getByLabel("Your name")).toHaveValue("Sam Staff");
  await expect(form.getByLabel("Your question or comment")).toHaveValue("Can the move wait a week?");
  await outsider.close();
  await erin.context.close();
});

test("a link that allows downloads gives the PDF and the Markdown; one that does not refuses", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const erin = await person(browser, "Erin Editor");
  await erin.app.createWorkspace("Client work");
  const planId = await erin.app.createPlan("Warehouse move");
  const open = (await createLink(erin.page, planId, "Board", [/download/])).split("/s/")[1]!;
  const closed = (await createLink(erin.page, planId, "Readers", [])).split("/s/")[1]!;

  const anon = await playwright.request.newContext({ baseURL });
  const md = await anon.get(`/api/v1/shared/${open}/export.md`);
  expect(md.status()).toBe(200);
  expect(md.headers()["content-type"]).toContain("text/markdown");
  expect(await md.text()).toContain("Warehouse move");
  const pdf = await anon.get(`/api/v1/shared/${open}/export.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const refused = await anon.get(`/api/v1/shared/${closed}/export.md`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe("This link does not allow downloads.");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/s/${open}`);
  await expect(reader.getByRole("link", { name: "Download Markdown" })).toHaveAttribute(
    "href",
    `/api/v1/shared/${open}/export.md`,
  );
  await anon.dispose();
  await erin.context.close();
});

test("a part approval shows on the review page and the plan", async ({ browser }) => {
  const olivia = await person(browser, "Olivia Owner");
  await olivia.app.createWorkspace("Sign-off");
  const planId = await olivia.app.createPlan("Launch plan");
  await olivia.page.goto(`/plans/${planId}/review`);
  const budget = olivia.page.getByRole("group", { name: /^Budget/ });
  await budget.getByRole("combobox", { name: "Approver of Budget" }).selectOption({ label: "Olivia Owner" });
  await budget.getByRole("button", { name: "Name approver" }).click();
  await expect(budget.getByRole("list", { name: "Who signs off Budget" })).toContainText("Olivia Owner");
  const form = olivia.page.getByRole("form", { name: "Your sign-off of Budget" });
  await form.getByLabel(/Comment/).fill("Within the ceiling.");
  await form.getByRole("button", { name: "Approve" }).click();
  await expect(budget.getByTestId("part-badge")).toHaveText("Status: Approved");
  await olivia.page.goto(`/plans/${planId}`);
  await expect(olivia.page.getByTestId("part-badge")).toHaveText("Budget: Approved");
  // The whole plan is still a draft: a part's approval is its own.
  await expect(olivia.page.getByText("Draft", { exact: true }).first()).toBeVisible();
  await olivia.context.close();
});

test("asking for a part's sign-off reaches its approver; the decision reaches the asker; an edit flags the part", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const olivia = await person(browser, "Olivia Owner", uniqueEmail("olivia"));
  const workspaceId = await olivia.app.createWorkspace("Sign-off");
  const anaEmail = uniqueEmail("ana");
  await olivia.app.inviteMember(workspaceId, anaEmail);
  const planId = await olivia.app.createPlan("Launch plan");
  const ana = await person(browser, "Ana Approver", anaEmail);
  await olivia.page.goto(`/plans/${planId}/review`);
  const schedule = olivia.page.getByRole("group", { name: /^Schedule/ });
  await schedule.getByRole("combobox", { name: "Approver of Schedule" }).selectOption({ label: "Ana Approver" });
  await schedule.getByRole("button", { name: "Name approver" }).click();
  await expect(schedule.getByRole("list", { name: "Who signs off Schedule" })).toContainText("Ana Approver");
  await schedule.getByRole("button", { name: "Ask for sign-off" }).click();
  await expect(schedule.getByText("Asked its approver to sign off.")).toBeVisible();

  await ana.page.goto("/inbox");
  await expect(ana.page.getByText("Olivia Owner asked you to sign off Schedule of “Launch plan”")).toBeVisible();
  await ana.page.goto(`/plans/${planId}/review`);
  const form = ana.page.getByRole("form", { name: "Your sign-off of Schedule" });
  await form.getByRole("button", { name: "Approve" }).click();
  await expect(ana.page.getByRole("group", { name: /^Schedule/ }).getByTestId("part-badge")).toHaveText(
    "Status: Approved",
  );
  await olivia.page.goto("/inbox");
  await expect(olivia.page.getByText("Ana Approver approved Schedule of “Launch plan”")).toBeVisible();

  // A task added after the approval changes the schedule: the plan's header says so.
  await editLiveDoc(olivia.context, baseURL!, planId, (doc) => {
    insertRow(doc, "tasks", { ...blankRow("tasks", randomUUID()), name: "Late addition" });
  });
  await olivia.page.goto(`/plans/${planId}`);
  const badge = olivia.page.getByTestId("part-badge").filter({ hasText: "Schedule" });
  await expect(async () => {
    await olivia.page.reload();
    await expect(badge).toHaveText("Schedule: Approved, changed since approval", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await ana.context.close();
  await olivia.context.close();
});

test("the workload view flags people over-allocated across two plans, members or not", async ({ browser, baseURL }) => {
  const dana = await person(browser, "Dana Lead");
  const workspaceId = await dana.app.createWorkspace("Delivery");
  const planA = await dana.app.createPlan("Portal");
  await dana.page.goto(`/workspaces/${workspaceId}`);
  const planB = await dana.app.createPlan("Warehouse");
  const members = (await (await dana.page.request.get(`/api/v1/workspaces/${workspaceId}/members`)).json()).data
    .members as { userId: string }[];
  const me = members[0]!.userId;
  // Next week, Monday to Friday, in both plans: 100% in one and 50% in the other.
  const monday = addDays(weekStartOf(new Date().toISOString().slice(0, 10)), 7);
  for (const [planId, allocation] of [
    [planA, 100],
    [planB, 50],
  ] as const) {
    await editLiveDoc(dana.context, baseURL!, planId, (doc) => {
      const resource = randomUUID();
      insertRow(doc, "resources", { ...blankRow("resources", resource), name: "Dana Lead", userId: me, allocation });
      insertRow(doc, "tasks", {
        ...blankRow("tasks", randomUUID()),
        name: "Build",
        start: monday,
        end: addDays(monday, 4),
        assigneeId: resource,
      });
      // A contractor named only as a resource, spelled a little differently in each plan: 60% of 40 h twice.
      const contractor = randomUUID();
      const name = planId === planA ? "Kim Contractor" : " kim contractor";
      insertRow(doc, "resources", { ...blankRow("resources", contractor), name, allocation: 60 });
      insertRow(doc, "tasks", {
        ...blankRow("tasks", randomUUID()),
        name: "Test",
        start: monday,
        end: addDays(monday, 4),
        assigneeId: contractor,
      });
    });
  }
  await dana.page.goto(`/workspaces/${workspaceId}/workload`);
  const row = dana.page.getByTestId("workload-row").filter({ hasText: "Dana Lead" });
  await expect(async () => {
    await dana.page.reload();
    await expect(row).toContainText("Over-allocated", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText("60 / 40 h");
  await expect(row.getByRole("link", { name: "Portal" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Warehouse" })).toBeVisible();
  const contractor = dana.page.getByTestId("workload-row").filter({ hasText: "Kim Contractor" });
  await expect(contractor).toHaveCount(1);
  await expect(contractor).toContainText("Not a member");
  await expect(contractor).toContainText("Over-allocated");
  await expect(contractor).toContainText("48 / 40 h");
  await expect(contractor.getByRole("link", { name: "Portal" })).toBeVisible();
  await expect(contractor.getByRole("link", { name: "Warehouse" })).toBeVisible();
  await expect(row).not.toContainText("Not a member");
  await dana.context.close();
});
