/**
 * Two tenants for the cross-tenant matrix: workspace A (owner Ann, member Cal, two plans, links, a
 * comment, an approver, a pending invitation, an API token, a notification) and Bea, an outsider
 * with a workspace and plan of her own. Everything of A carries the marker SECRET-A.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { App, uniqueEmail } from "../fixtures";
import { callAction, form } from "./actions";

export const MARK = "SECRET-A";

const uuidAfter = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" value="([0-9a-f-]{36})"`, "g"))].map((m) => m[1]!);

async function person(browser: Browser, name: string, email = uniqueEmail(name.split(" ")[0]!.toLowerCase())) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new App(page).signUp(name, email);
  return { context, page, app: new App(page), email };
}

export type Tenants = Awaited<ReturnType<typeof setUpTenants>>;

export async function setUpTenants(browser: Browser, baseURL: string) {
  const ann = await person(browser, "Ann Owner");
  const cal = await person(browser, "Cal Member");
  const bea = await person(browser, "Bea Outsider");
  const act = (page: Page, at: string, name: string, args: Parameters<typeof callAction>[4]) =>
    callAction(page.request, baseURL, at, name, args);
  const api = (page: Page) => ({
    get: (p: string) => page.request.get(p),
    post: (p: string, data: unknown) => page.request.post(p, { data, headers: { Origin: baseURL } }),
  });

  const wa = await ann.app.createWorkspace(`${MARK} workspace`);
  const p1 = await ann.app.createPlan(`${MARK} P1 Atlas`, `${MARK} summary of Atlas`);
  const p2Res = await api(ann.page).post(`/api/v1/workspaces/${wa}/plans`, { title: `${MARK} P2 Borealis` });
  expect(p2Res.status()).toBe(201);
  const p2 = (await p2Res.json()).data.id as string;
  expect(
    (await api(ann.page).post(`/api/v1/workspaces/${wa}/members`, { email: cal.email, role: "member" })).status(),
  ).toBe(201);
  expect(
    (
      await api(ann.page).post(`/api/v1/workspaces/${wa}/members`, { email: uniqueEmail("pending"), role: "member" })
    ).status(),
  ).toBe(201);

  const members = (await (await api(ann.page).get(`/api/v1/workspaces/${wa}/members`)).json()).data.members as {
    userId: string;
    email: string;
  }[];
  const idOf = (email: string) => members.find((m) => m.email === email)?.userId;
  const annId = idOf(ann.email)!;
  const calId = idOf(cal.email)!;
  expect(annId && calId).toBeTruthy();

  // A link that is then revoked, and one live link on each plan.
  const link = async (planId: string, label: string) => {
    const r = await act(
      ann.page,
      `/plans/${planId}/share`,
      "createShareLinkAction",
      form({ planId, label, expiresInDays: "" }),
    );
    const token = r.text.match(/\/s\/([A-Za-z0-9_-]{20,})/)?.[1];
    expect(token, r.text.slice(0, 300)).toBeTruthy();
    return token!;
  };
  const revoked = await link(p1, `${MARK} revoked link`);
  const revokedId = uuidAfter(await (await ann.page.request.get(`/plans/${p1}/share`)).text(), "linkId")[0]!;
  await act(ann.page, `/plans/${p1}/share`, "revokeShareLinkAction", form({ planId: p1, linkId: revokedId }));
  const link1 = await link(p1, `${MARK} link one`);
  const link1Id = uuidAfter(await (await ann.page.request.get(`/plans/${p1}/share`)).text(), "linkId")[0]!;
  const link2 = await link(p2, `${MARK} link two`);

  // A comment on P1, Cal as an approver, an announcement (Cal's notification), an API token of Ann's.
  const commented = await act(ann.page, `/plans/${p1}`, "addCommentAction", {
    json: [p1, { section: "objectives", body: `${MARK} comment` }],
  });
  const commentId =
    commented.text.match(/"id":"([0-9a-f-]{36})"[^{}]*SECRET-A comment/)?.[1] ??
    commented.text.match(/SECRET-A comment[^{}]*"id":"([0-9a-f-]{36})"/)?.[1];
  expect(commentId, commented.text.slice(0, 400)).toBeTruthy();
  await act(ann.page, `/plans/${p1}/review`, "addApproverAction", form({ planId: p1, userId: calId }));
  await act(ann.page, `/plans/${p1}`, "postAnnouncementAction", form({ planId: p1, body: `${MARK} announcement` }));
  await act(ann.page, "/settings", "createTokenAction", form({ name: `${MARK} token` }));
  const annTokenId = uuidAfter(await (await ann.page.request.get("/settings")).text(), "tokenId")[0]!;
  const invitationId = uuidAfter(
    await (await ann.page.request.get(`/workspaces/${wa}/members`)).text(),
    "invitationId",
  )[0]!;
  const calNotificationId = uuidAfter(await (await cal.page.request.get("/inbox")).text(), "id")[0]!;
  expect(annTokenId && invitationId && calNotificationId).toBeTruthy();

  // A task on P1 (through the API), and a webhook of A that has one delivery queued for it.
  const hookRes = await api(ann.page).post(`/api/v1/workspaces/${wa}/webhooks`, {
    url: "http://127.0.0.1:9/secret-a-hook",
    events: ["task.changed"],
  });
  expect(hookRes.status(), await hookRes.text()).toBe(201);
  const webhookId = (await hookRes.json()).data.id as string;
  const taskRes = await api(ann.page).post(`/api/v1/plans/${p1}/tasks`, { name: `${MARK} task` });
  expect(taskRes.status()).toBe(201);
  const taskId = (await taskRes.json()).data.id as string;
  const deliveries = await api(ann.page).get(`/api/v1/workspaces/${wa}/webhooks/${webhookId}/deliveries`);
  const deliveryId = (await deliveries.json()).data[0]?.id as string;
  expect(deliveryId).toBeTruthy();

  // Bea: her own workspace, plan and API token.
  const wb = await bea.app.createWorkspace("Bea's own");
  const pb = await bea.app.createPlan("Bea's plan");
  const tokenRes = await act(bea.page, "/settings", "createTokenAction", form({ name: "Bea's token" }));
  const beaToken = tokenRes.text.match(/pw_[A-Za-z0-9_-]+/)?.[0];
  expect(beaToken, tokenRes.text.slice(0, 300)).toBeTruthy();

  return {
    ann,
    cal,
    bea,
    act,
    a: {
      workspace: wa,
      p1,
      p2,
      annId,
      calId,
      link1,
      link1Id,
      link2,
      revoked,
      revokedId,
      commentId: commentId!,
      annTokenId,
      invitationId,
      calNotificationId,
      webhookId,
      deliveryId,
      taskId,
    },
    b: { workspace: wb, plan: pb, token: beaToken!, email: bea.email },
    async close() {
      await Promise.all([ann.context.close(), cal.context.close(), bea.context.close()]);
    },
  };
}
