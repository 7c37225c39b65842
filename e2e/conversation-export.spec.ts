import { expect, test, type Page } from "@playwright/test";
import { extractText } from "unpdf";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { demoPlanContent } from "../db/demo-content";
import { fromPlanContent, randomUUID, writeDocContent, type DocContent } from "../lib/doc";
import { addDays, dateInTimeZone } from "../lib/plan/dates";
import { planSections } from "../lib/plan/template";
import AxeBuilder from "@axe-core/playwright";
import { person, uniqueEmail } from "./fixtures";

/** No accessibility violations in the given part of the page (or all of it). */
async function expectAccessible(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Write content into a plan's live document as its signed-in user would, through the collaboration socket. */
async function writeThroughDocument(page: Page, baseURL: string, planId: string, content: DocContent) {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const WithCookie = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseURL.replace(/^http/, "ws")}/collab`, planId, doc, {
    WebSocketPolyfill: WithCookie as never,
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    expect(writeDocContent(doc, content)).toEqual([]);
    // Projected after it is persisted: wait until the server-side export shows it.
    const probe = content.tasks[0]!.name;
    await expect
      .poll(async () => (await page.request.get(`/api/v1/plans/${planId}/export.md`)).text(), { timeout: 15_000 })
      .toContain(probe);
  } finally {
    provider.destroy();
  }
}

async function userIdOf(page: Page, workspaceId: string, email: string): Promise<string> {
  const res = await page.request.get(`/api/v1/workspaces/${workspaceId}/members`);
  const { data } = (await res.json()) as {
    data: { members?: { userId: string; email: string }[] } | { userId: string; email: string }[];
  };
  const list = Array.isArray(data) ? data : (data.members ?? []);
  return list.find((m) => m.email === email)!.userId;
}

const squash = (s: string) => s.replace(/\s+/g, " ");

test("a comment with an @mention reaches the member's inbox with an unread count, and resolves and reopens", async ({
  browser,
}) => {
  const ann = await person(browser, "Ann Lee", uniqueEmail("ann"));
  const workspaceId = await ann.app.createWorkspace("Conversation");
  const planId = await ann.app.createPlan("Launch plan");
  const bobEmail = uniqueEmail("bob");
  await ann.app.inviteMember(workspaceId, bobEmail);
  const bob = await person(browser, "Bob Stone", bobEmail);

  await ann.page.goto(`/plans/${planId}`);
  const risks = ann.page.locator("section#risks");
  await risks.getByRole("button", { name: "Comments on this section (0 open)" }).click();
  const box = risks.getByRole("textbox", { name: "New comment" });
  await box.fill("Please review the vendor risk, @Bo");
  await expect(
    risks.getByRole("listbox", { name: "Mention someone" }).getByRole("option", { name: "Bob Stone" }),
  ).toBeVisible();
  await expectAccessible(ann.page, "section#risks [role=region][aria-label='Comments on this section']");
  await box.press("Enter");
  await expect(box).toHaveValue("Please review the vendor risk, @Bob Stone ");
  await risks.getByRole("button", { name: "Post comment" }).click();
  const thread = risks.getByRole("region", { name: "Comments on this section" });
  await expect(thread.getByRole("listitem", { name: "Comment by Ann Lee" })).toContainText(
    "Please review the vendor risk, @Bob Stone",
  );
  await expect(risks.getByRole("button", { name: "Comments on this section (1 open)" })).toBeVisible();

  // Bob's header shows one unread item; the inbox has the mention.
  await bob.page.goto("/workspaces");
  await expect(bob.page.getByRole("link", { name: "Inbox, 1 unread" })).toBeVisible();
  await bob.page.getByRole("link", { name: "Inbox, 1 unread" }).click();
  await expect(bob.page).toHaveURL(/\/inbox$/);
  const item = bob.page.getByRole("listitem", { name: "Unread: Ann Lee mentioned you in Risks of “Launch plan”" });
  await expect(item).toContainText("Please review the vendor risk, @Bob Stone");
  await expect(bob.page.getByTestId("inbox-unread")).toHaveText("1 unread");
  await expectAccessible(bob.page);
  await item.getByRole("button", { name: "Mark read" }).click();
  await expect(bob.page.getByTestId("inbox-unread")).toHaveText("All caught up.");
  await expect(bob.page.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

  // Bob resolves it from the plan; Ann reopens it.
  await bob.page.goto(`/plans/${planId}`);
  const bobRisks = bob.page.locator("section#risks");
  await bobRisks.getByRole("button", { name: "Comments on this section (1 open)" }).click();
  await bobRisks.getByRole("listitem", { name: "Comment by Ann Lee" }).getByRole("button", { name: "Resolve" }).click();
  await expect(bobRisks.getByRole("button", { name: "Comments on this section (0 open)" })).toBeVisible();
  await bobRisks.getByRole("button", { name: "Show 1 resolved" }).click();
  await expect(bobRisks.getByRole("listitem", { name: "Comment by Ann Lee" })).toContainText("Resolved by Bob Stone");

  await ann.page.reload();
  await risks.getByRole("button", { name: "Comments on this section (0 open)" }).click();
  await risks.getByRole("button", { name: "Show 1 resolved" }).click();
  await risks.getByRole("listitem", { name: "Comment by Ann Lee" }).getByRole("button", { name: "Reopen" }).click();
  await expect(risks.getByRole("button", { name: "Comments on this section (1 open)" })).toBeVisible();

  await ann.context.close();
  await bob.context.close();
});

test("the assembled plan: print view with pictures, PDF and Markdown with every section, and my week's task", async ({
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("dana");
  const dana = await person(browser, "Dana Reyes", email);
  const workspaceId = await dana.app.createWorkspace("Exports");
  const planId = await dana.app.createPlan("Warehouse rollout", "Move both warehouses onto the new scanning system.");
  const me = await userIdOf(dana.page, workspaceId, email);
  const today = dateInTimeZone(new Date(), "UTC");
  const content = fromPlanContent(demoPlanContent(today, me));
  const dueTomorrow = "Confirm the pallet labels";
  content.tasks.unshift({
    id: randomUUID(),
    name: dueTomorrow,
    start: today,
    end: addDays(today, 1),
    progress: 0,
    kind: "task",
    parentId: null,
    deliverableId: null,
    assigneeId: me,
    priority: "medium",
    order: -1,
  });
  await writeThroughDocument(dana.page, baseURL!, planId, content);

  // Markdown: every section heading and content.
  const md = await (await dana.page.request.get(`/api/v1/plans/${planId}/export.md`)).text();
  expect(md).toContain("# Warehouse rollout");
  for (const s of planSections) expect(md).toContain(`## ${s.title}`);
  for (const needle of [
    content.objectives[0]!.title,
    content.deliverables[0]!.name,
    content.risks[0]!.title,
    content.budgetLines[0]!.description,
    dueTomorrow,
  ]) {
    expect(md).toContain(needle);
  }

  // Print view: the whole plan with the timeline and the risk matrix as pictures.
  await dana.page.goto(`/plans/${planId}`);
  await dana.page.getByRole("link", { name: "Print view" }).click();
  await expect(dana.page).toHaveURL(new RegExp(`/plans/${planId}/print$`));
  await expect(dana.page.getByRole("heading", { level: 1, name: "Warehouse rollout" })).toBeVisible();
  for (const alt of ["Timeline of the schedule", "Risk matrix: likelihood against impact"]) {
    const img = dana.page.getByRole("img", { name: alt });
    await expect(img).toBeVisible();
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  }
  for (const s of planSections)
    await expect(
      dana.page.getByRole("heading", { level: 2, name: new RegExp(s.title.replace("&", "\\&")) }),
    ).toBeVisible();
  await expectAccessible(dana.page);

  // PDF: printed by the server, with every section's heading and content.
  const res = await dana.page.request.get(`/api/v1/plans/${planId}/export.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const { text } = await extractText(new Uint8Array(await res.body()), { mergePages: true });
  const pdf = squash(text);
  expect(pdf).toContain("Warehouse rollout");
  expect(pdf).toContain("Move both warehouses onto the new scanning system.");
  for (const s of planSections) expect(pdf).toContain(s.title);
  const strategyLine = content.strategy
    .split("\n")
    .find((l) => l.trim() && !l.startsWith("#") && !l.startsWith("-"))!
    .trim();
  for (const needle of [
    content.objectives[0]!.title,
    content.scopeItems[0]!.text,
    content.deliverables[0]!.name,
    strategyLine.replace(/\*\*/g, "").slice(0, 40),
    dueTomorrow,
    content.risks[0]!.title,
    content.swotItems[0]!.text,
    content.resources[0]!.name,
    content.budgetLines[0]!.description,
    content.raciColumns[0]!.name,
    "Open risk exposure",
    "Completeness",
  ]) {
    expect(pdf).toContain(squash(needle));
  }

  // Someone outside the workspace gets nothing.
  const outsider = await person(browser, "Olly Outsider", uniqueEmail("olly"));
  expect((await outsider.page.request.get(`/api/v1/plans/${planId}/export.pdf`)).status()).toBe(404);
  expect((await outsider.page.request.get(`/api/v1/plans/${planId}/export.md`)).status()).toBe(404);
  await outsider.page.goto(`/plans/${planId}/print`);
  await expect(outsider.page.getByRole("heading", { name: "Warehouse rollout" })).toHaveCount(0);

  // The workspace view lists the task due tomorrow.
  await dana.page.goto(`/workspaces/${workspaceId}`);
  await dana.page.getByRole("link", { name: "This week" }).click();
  // Tomorrow is this week or, on a Sunday, later: either way it is under "My tasks".
  const mine = dana.page.getByRole("region", { name: "My tasks" });
  await expect(mine.getByRole("row", { name: new RegExp(dueTomorrow) })).toContainText(addDays(today, 1));
  await expect(mine.getByRole("row", { name: new RegExp(dueTomorrow) })).toContainText("Warehouse rollout");
  await expect(dana.page.getByRole("img", { name: "Milestones of every plan on one timeline" })).toBeVisible();
  await expect(dana.page.getByRole("table", { name: "Open high risks" })).toBeVisible();
  await expectAccessible(dana.page);

  await dana.context.close();
  await outsider.context.close();
});
