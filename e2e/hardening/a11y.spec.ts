/**
 * Every page, with demo-like content, passes axe-core with no serious or critical violation:
 * signed-out pages, workspace pages, every plan page, the read-only link page, both inboxes and the 404.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demoPlanContent } from "../../db/demo-content";
import { fromPlanContent, writeDocContent } from "../../lib/doc";
import { App, uniqueEmail } from "../fixtures";
import { callAction, form } from "./actions";
import { editLiveDoc } from "./live-doc";

async function seriousViolations(page: Page, what: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${what} — ${v.id} (${v.impact}): ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`)
          .join(" | ")}`,
    );
}

type World = {
  ann: Page;
  max: Page;
  guest: Page;
  contexts: BrowserContext[];
  workspaceId: string;
  planId: string;
  sharePath: string;
};

/** Ann's workspace with the demo plan, Max as a member and approver, a comment, an announcement, a link and a token. */
async function setUp(browser: Browser, base: string): Promise<World> {
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [ann, max, guest] = await Promise.all(contexts.map((c) => c.newPage()));
  const annEmail = uniqueEmail("ann");
  const maxEmail = uniqueEmail("max");
  await new App(ann!).signUp("Ann Lee", annEmail);
  await new App(max!).signUp("Max Approver", maxEmail);
  const workspaceId = await new App(ann!).createWorkspace("Customer portal");
  const planId = await new App(ann!).createPlan(
    "Portal relaunch",
    "Replace the customer portal before the contract renewal.",
  );
  expect(
    (
      await ann!.request.post(`/api/v1/workspaces/${workspaceId}/members`, {
        data: { email: maxEmail, role: "member" },
        headers: { Origin: base },
      })
    ).status(),
  ).toBe(201);
  const members = (await (await ann!.request.get(`/api/v1/workspaces/${workspaceId}/members`)).json()).data.members as {
    userId: string;
    email: string;
  }[];
  const annId = members.find((m) => m.email === annEmail)!.userId;
  const maxId = members.find((m) => m.email === maxEmail)!.userId;
  const today = new Date().toISOString().slice(0, 10);
  await editLiveDoc(contexts[0]!, base, planId, (doc) =>
    expect(writeDocContent(doc, fromPlanContent(demoPlanContent(today as never, annId)))).toEqual([]),
  );

  const act = (page: Page, at: string, name: string, args: Parameters<typeof callAction>[4]) =>
    callAction(page.request, base, at, name, args);
  await act(ann!, `/plans/${planId}`, "addCommentAction", {
    json: [planId, { section: "risks", body: `Check the vendor risk @[Max Approver](${maxId})` }],
  });
  await act(ann!, `/plans/${planId}`, "postAnnouncementAction", form({ planId, body: "Kick-off moved to Monday." }));
  await act(ann!, `/plans/${planId}/review`, "addApproverAction", form({ planId, userId: maxId }));
  await act(ann!, `/plans/${planId}/review`, "changeStatusAction", form({ planId, status: "in_review" }));
  const link = await act(
    ann!,
    `/plans/${planId}/share`,
    "createShareLinkAction",
    form({ planId, label: "Steering committee", expiresInDays: "30" }),
  );
  const sharePath = /\/s\/[A-Za-z0-9_-]{20,}/.exec(link.text)![0];
  await act(ann!, "/settings", "createTokenAction", form({ name: "CI export" }));
  await expect
    .poll(async () => (await ann!.request.get(`/api/v1/plans/${planId}/export.md`)).text(), { timeout: 20_000 })
    .toContain("Stakeholder interviews");
  return { ann: ann!, max: max!, guest: guest!, contexts, workspaceId, planId, sharePath };
}

/** Open each path and collect what axe finds; one assertion at the end lists every page's problems. */
async function audit(page: Page, paths: string[], label = "") {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    if (/^\/(plans\/[0-9a-f-]{36}|s\/)[^/]*$/.test(path) && !path.includes("00000000"))
      await expect(page.getByTestId("connection-badge")).toHaveText("Live");
    found.push(
      ...(await seriousViolations(
        page,
        `${label}${path.replace(/[0-9a-f-]{36}|\/s\/.*/g, (m) => (m.startsWith("/s/") ? "/s/<token>" : "<id>"))}`,
      )),
    );
  }
  expect(found).toEqual([]);
}

test.describe.configure({ mode: "serial", timeout: 180_000 });
let w: World;
test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  w = await setUp(browser, baseURL!);
});
test.afterAll(async () => Promise.all(w?.contexts.map((c) => c.close()) ?? []));

test("axe: signed-out pages, the link page and the 404 page", async () => {
  await audit(w.guest, [
    "/signin",
    "/signup",
    "/forgot-password",
    "/reset-password?token=none",
    w.sharePath,
    "/no-such-page",
  ]);
});

test("axe: workspace, account and inbox pages", async () => {
  await audit(w.ann, [
    "/workspaces",
    `/workspaces/${w.workspaceId}`,
    `/workspaces/${w.workspaceId}/members`,
    `/workspaces/${w.workspaceId}/views`,
    "/settings",
    "/inbox",
  ]);
  await audit(w.max, ["/inbox"], "max ");
});

test("axe: the plan with the demo content and its pages", async () => {
  test.setTimeout(180_000);
  const p = `/plans/${w.planId}`;
  await audit(w.ann, [
    p,
    `${p}/share`,
    `${p}/review`,
    `${p}/activity`,
    `${p}/print`,
    "/plans/00000000-0000-4000-8000-000000000000",
  ]);
  await audit(w.max, [`${p}/review`], "max ");
});
