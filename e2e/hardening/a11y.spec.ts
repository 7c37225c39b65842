/**
 * Every page, with demo-like content, passes axe-core with no serious or critical violation:
 * signed-out pages, workspace pages, every plan page, the read-only link page, the inbox and the 404.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoPlanContent } from "../../db/demo-content";
import { fromPlanContent, writeDocContent } from "../../lib/doc";
import { App, uniqueEmail } from "../fixtures";
import { callAction, form } from "./actions";
import { editLiveDoc } from "./live-doc";

async function seriousViolations(page: Page, what: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${what} — ${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join(" | ")}`);
}

test("every page passes axe-core with no serious or critical violations", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const base = baseURL!;
  const found: string[] = [];

  const guestCtx = await browser.newContext();
  const guest = await guestCtx.newPage();
  for (const path of ["/signin", "/signup"]) {
    await guest.goto(path);
    found.push(...(await seriousViolations(guest, path)));
  }

  const annCtx = await browser.newContext();
  const ann = await annCtx.newPage();
  const maxCtx = await browser.newContext();
  const max = await maxCtx.newPage();
  const annEmail = uniqueEmail("ann");
  const maxEmail = uniqueEmail("max");
  await new App(ann).signUp("Ann Lee", annEmail);
  await new App(max).signUp("Max Approver", maxEmail);
  const workspaceId = await new App(ann).createWorkspace("Customer portal");
  const planId = await new App(ann).createPlan("Portal relaunch", "Replace the customer portal before the contract renewal.");
  expect((await ann.request.post(`/api/v1/workspaces/${workspaceId}/members`, { data: { email: maxEmail, role: "member" }, headers: { Origin: base } })).status()).toBe(201);
  const members = (await (await ann.request.get(`/api/v1/workspaces/${workspaceId}/members`)).json()).data.members as { userId: string; email: string }[];
  const annId = members.find((m) => m.email === annEmail)!.userId;
  const maxId = members.find((m) => m.email === maxEmail)!.userId;
  const today = new Date().toISOString().slice(0, 10);
  await editLiveDoc(annCtx, base, planId, (doc) => expect(writeDocContent(doc, fromPlanContent(demoPlanContent(today as never, annId)))).toEqual([]));

  const act = (page: Page, at: string, name: string, args: Parameters<typeof callAction>[4]) => callAction(page.request, base, at, name, args);
  await act(ann, `/plans/${planId}`, "addCommentAction", { json: [planId, { section: "risks", body: `Check the vendor risk @[Max Approver](${maxId})` }] });
  await act(ann, `/plans/${planId}`, "postAnnouncementAction", form({ planId, body: "Kick-off moved to Monday." }));
  await act(ann, `/plans/${planId}/review`, "addApproverAction", form({ planId, userId: maxId }));
  await act(ann, `/plans/${planId}/review`, "changeStatusAction", form({ planId, status: "in_review" }));
  const link = await act(ann, `/plans/${planId}/share`, "createShareLinkAction", form({ planId, label: "Steering committee", expiresInDays: "30" }));
  const sharePath = /\/s\/[A-Za-z0-9_-]{20,}/.exec(link.text)![0];
  await act(ann, "/settings", "createTokenAction", form({ name: "CI export" }));
  await expect.poll(async () => (await ann.request.get(`/api/v1/plans/${planId}/export.md`)).text(), { timeout: 20_000 }).toContain("Stakeholder interviews");

  const annPages = [
    "/workspaces",
    `/workspaces/${workspaceId}`,
    `/workspaces/${workspaceId}/members`,
    `/workspaces/${workspaceId}/views`,
    `/plans/${planId}`,
    `/plans/${planId}/share`,
    `/plans/${planId}/review`,
    `/plans/${planId}/activity`,
    `/plans/${planId}/print`,
    "/settings",
    "/inbox",
    "/plans/00000000-0000-4000-8000-000000000000",
  ];
  for (const path of annPages) {
    await ann.goto(path);
    if (path === `/plans/${planId}`) await expect(ann.getByTestId("connection-badge")).toHaveText("Live");
    found.push(...(await seriousViolations(ann, path)));
  }
  for (const path of ["/inbox", `/plans/${planId}/review`]) {
    await max.goto(path);
    found.push(...(await seriousViolations(max, `max ${path}`)));
  }
  await guest.goto(sharePath);
  await expect(guest.getByTestId("connection-badge")).toHaveText("Live");
  found.push(...(await seriousViolations(guest, "/s/<token>")));
  await guest.goto("/no-such-page");
  found.push(...(await seriousViolations(guest, "404")));

  expect(found).toEqual([]);
  await Promise.all([annCtx.close(), maxCtx.close(), guestCtx.close()]);
});
