/**
 * Cross-tenant matrix: Bea, who belongs to another workspace, tries every page, server action,
 * /api route and the collaboration socket with workspace A's ids; share links try other plans.
 * Expected: 404 (or a refusal) everywhere, no byte of A's data in any answer, nothing of A changed.
 * Routes and actions are enumerated from the filesystem and the build, so a new one that is neither
 * listed as public nor tested here fails the spec.
 */
import { expect, test } from "@playwright/test";
import WebSocket from "ws";
import { serverActions, type ActionArgs, form } from "./actions";
import { apiRoutes, pageRoutes } from "./routes";
import { MARK, setUpTenants, type Tenants } from "./tenants";

test.describe.configure({ mode: "serial" });

let t: Tenants;
let base: string;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  base = baseURL!;
  t = await setUpTenants(browser, base);
});
test.afterAll(async () => t?.close());

/** What an outsider must get: no marker of A's data, whatever the status. */
const noLeak = (body: string, what: string) => expect(body.includes(MARK), `${what} leaked A's data`).toBe(false);

// ---- pages -------------------------------------------------------------------------------------

/** Pages of one's own (signed-in lists) or for everyone; the outsider sees them without A's data. */
const OWN_OR_PUBLIC_PAGES = [
  "/",
  "/signin",
  "/signup",
  "/forgot-password",
  "/reset-password",
  "/verify-email",
  "/workspaces",
  "/inbox",
  "/settings",
];
const pageUrl: Record<string, (a: Tenants["a"]) => string> = {
  "/workspaces/[id]": (a) => `/workspaces/${a.workspace}`,
  "/workspaces/[id]/members": (a) => `/workspaces/${a.workspace}/members`,
  "/workspaces/[id]/views": (a) => `/workspaces/${a.workspace}/views`,
  "/workspaces/[id]/webhooks": (a) => `/workspaces/${a.workspace}/webhooks`,
  "/workspaces/[id]/workload": (a) => `/workspaces/${a.workspace}/workload`,
  "/plans/[id]": (a) => `/plans/${a.p1}`,
  "/plans/[id]/activity": (a) => `/plans/${a.p1}/activity`,
  "/plans/[id]/review": (a) => `/plans/${a.p1}/review`,
  "/plans/[id]/share": (a) => `/plans/${a.p1}/share`,
  "/plans/[id]/print": (a) => `/plans/${a.p1}/print`,
  "/plans/[id]/schedule": (a) => `/plans/${a.p1}/schedule`,
  // Share links have their own test below.
  "/s/[token]": (a) => `/s/${a.revoked}`,
  "/s/[token]/schedule": (a) => `/s/${a.revoked}/schedule`,
};

test("every page route is covered by the matrix", () => {
  const covered = new Set([...OWN_OR_PUBLIC_PAGES, ...Object.keys(pageUrl)]);
  expect(
    pageRoutes().filter((r) => !covered.has(r)),
    "page routes missing from the IDOR matrix",
  ).toEqual([]);
});

test("pages: an outsider gets 404 for every page of workspace A and sees none of it on her own pages", async () => {
  for (const [route, url] of Object.entries(pageUrl)) {
    const path = url(t.a);
    const own = await t.ann.page.request.get(path);
    if (!route.startsWith("/s/[token]")) expect(own.status(), `${route} for its owner`).toBe(200);
    const res = await t.bea.page.request.get(path);
    expect(res.status(), `${route} for an outsider`).toBe(404);
    noLeak(await res.text(), route);
  }
  for (const path of OWN_OR_PUBLIC_PAGES) noLeak(await (await t.bea.page.request.get(path)).text(), path);
});

// ---- /api ----------------------------------------------------------------------------------------

/** Route handlers that are not tenant data: auth, health, metrics, CSP reports. */
const PUBLIC_API = new Set([
  "GET /api/auth/[...nextauth]",
  "POST /api/auth/[...nextauth]",
  "GET /api/health",
  "GET /api/metrics",
  "POST /api/csp-report",
  // Lists violation reports only on the e2e server (CSP_REPORTS_EXPOSED); 404 elsewhere.
  "GET /api/csp-report",
]);
type ApiCase = { path: (a: Tenants["a"]) => string; body?: unknown; own?: true };
const apiCases: Record<string, ApiCase[]> = {
  "GET /api/v1/workspaces": [{ path: () => "/api/v1/workspaces", own: true }],
  "POST /api/v1/workspaces": [{ path: () => "/api/v1/workspaces", body: { name: "Bea's second" }, own: true }],
  "GET /api/v1/workspaces/[id]": [{ path: (a) => `/api/v1/workspaces/${a.workspace}` }],
  "PATCH /api/v1/workspaces/[id]": [{ path: (a) => `/api/v1/workspaces/${a.workspace}`, body: { name: "pwned" } }],
  "DELETE /api/v1/workspaces/[id]": [{ path: (a) => `/api/v1/workspaces/${a.workspace}` }],
  "GET /api/v1/workspaces/[id]/members": [{ path: (a) => `/api/v1/workspaces/${a.workspace}/members` }],
  "POST /api/v1/workspaces/[id]/members": [
    { path: (a) => `/api/v1/workspaces/${a.workspace}/members`, body: { email: "bea@example.com", role: "owner" } },
  ],
  "GET /api/v1/workspaces/[id]/plans": [
    { path: (a) => `/api/v1/workspaces/${a.workspace}/plans` },
    { path: (a) => `/api/v1/workspaces/${a.workspace}/plans?archived=true` },
  ],
  "POST /api/v1/workspaces/[id]/plans": [
    { path: (a) => `/api/v1/workspaces/${a.workspace}/plans`, body: { title: "planted" } },
  ],
  "GET /api/v1/plans/[id]": [{ path: (a) => `/api/v1/plans/${a.p1}` }],
  "PATCH /api/v1/plans/[id]": [{ path: (a) => `/api/v1/plans/${a.p1}`, body: { title: "pwned", archived: true } }],
  "DELETE /api/v1/plans/[id]": [{ path: (a) => `/api/v1/plans/${a.p2}` }],
  "GET /api/v1/plans/[id]/export.md": [{ path: (a) => `/api/v1/plans/${a.p1}/export.md?inline=1` }],
  "GET /api/v1/plans/[id]/export.pdf": [{ path: (a) => `/api/v1/plans/${a.p1}/export.pdf` }],
  "GET /api/v1/plans/[id]/schedule.csv": [{ path: (a) => `/api/v1/plans/${a.p1}/schedule.csv` }],
  "GET /api/v1/plans/[id]/schedule.ics": [{ path: (a) => `/api/v1/plans/${a.p1}/schedule.ics` }],
  "GET /api/v1/plans/[id]/schedule.xml": [{ path: (a) => `/api/v1/plans/${a.p1}/schedule.xml` }],
  "GET /api/v1/plans/[id]/schedule.xlsx": [{ path: (a) => `/api/v1/plans/${a.p1}/schedule.xlsx` }],
  // With a share token: a link of P1 must not read P2, a revoked link nothing.
  "GET /api/v1/plans/[id]/risks.csv": [
    { path: (a) => `/api/v1/plans/${a.p1}/risks.csv` },
    { path: (a) => `/api/v1/plans/${a.p2}/risks.csv?token=${a.link1}` },
    { path: (a) => `/api/v1/plans/${a.p1}/risks.csv?token=${a.revoked}` },
  ],
  "GET /api/v1/plans/[id]/raci.csv": [
    { path: (a) => `/api/v1/plans/${a.p1}/raci.csv` },
    { path: (a) => `/api/v1/plans/${a.p2}/raci.csv?token=${a.link1}` },
    { path: (a) => `/api/v1/plans/${a.p1}/raci.csv?token=${a.revoked}` },
  ],
  "GET /api/v1/plans/[id]/[collection]": [
    { path: (a) => `/api/v1/plans/${a.p1}/tasks` },
    { path: (a) => `/api/v1/plans/${a.p1}/raci` },
    { path: (a) => `/api/v1/plans/${a.p2}/budget?limit=500` },
  ],
  "POST /api/v1/plans/[id]/[collection]": [
    { path: (a) => `/api/v1/plans/${a.p1}/tasks`, body: { name: "planted" } },
    { path: (a) => `/api/v1/plans/${a.p1}/risks`, body: { title: "planted" } },
  ],
  "GET /api/v1/plans/[id]/[collection]/[rowId]": [{ path: (a) => `/api/v1/plans/${a.p1}/tasks/${a.taskId}` }],
  "PATCH /api/v1/plans/[id]/[collection]/[rowId]": [
    { path: (a) => `/api/v1/plans/${a.p1}/tasks/${a.taskId}`, body: { name: "pwned" } },
  ],
  "DELETE /api/v1/plans/[id]/[collection]/[rowId]": [{ path: (a) => `/api/v1/plans/${a.p1}/tasks/${a.taskId}` }],
  "GET /api/v1/workspaces/[id]/webhooks": [{ path: (a) => `/api/v1/workspaces/${a.workspace}/webhooks` }],
  "POST /api/v1/workspaces/[id]/webhooks": [
    {
      path: (a) => `/api/v1/workspaces/${a.workspace}/webhooks`,
      body: { url: "http://127.0.0.1:9/bea", events: ["task.changed"] },
    },
  ],
  "DELETE /api/v1/workspaces/[id]/webhooks/[webhookId]": [
    { path: (a) => `/api/v1/workspaces/${a.workspace}/webhooks/${a.webhookId}` },
  ],
  "GET /api/v1/workspaces/[id]/webhooks/[webhookId]/deliveries": [
    { path: (a) => `/api/v1/workspaces/${a.workspace}/webhooks/${a.webhookId}/deliveries` },
  ],
  "POST /api/v1/workspaces/[id]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver": [
    { path: (a) => `/api/v1/workspaces/${a.workspace}/webhooks/${a.webhookId}/deliveries/${a.deliveryId}/redeliver` },
  ],
  "GET /api/v1/shared/[token]": [
    { path: (a) => `/api/v1/shared/${a.revoked}` },
    { path: (a) => `/api/v1/shared/${a.p1}` },
  ],
  "GET /api/v1/shared/[token]/export.md": [
    { path: (a) => `/api/v1/shared/${a.revoked}/export.md` },
    { path: (a) => `/api/v1/shared/${a.p1}/export.md` },
  ],
  "GET /api/v1/shared/[token]/export.pdf": [
    { path: (a) => `/api/v1/shared/${a.revoked}/export.pdf` },
    { path: (a) => `/api/v1/shared/${a.p1}/export.pdf` },
  ],
};

test("every route handler and method is covered by the matrix", () => {
  const missing = apiRoutes().filter((r) => !PUBLIC_API.has(r) && !apiCases[r]);
  expect(missing, "route handlers missing from the IDOR matrix").toEqual([]);
});

test("/api: with her session or her API token, an outsider reads and changes nothing of workspace A", async () => {
  const bearer = { Authorization: `Bearer ${t.b.token}` };
  for (const [key, cases] of Object.entries(apiCases)) {
    const method = key.split(" ")[0]!;
    for (const c of cases) {
      const path = c.path(t.a);
      for (const [how, headers] of [
        ["session", { Origin: base }],
        ["token", bearer],
      ] as const) {
        const res = await t.bea.page.request.fetch(path, { method, headers, data: c.body, failOnStatusCode: false });
        const body = await res.text();
        noLeak(body, `${key} (${how}) ${path}`);
        if (!c.own) expect(res.status(), `${key} (${how}) ${path}`).toBe(404);
      }
    }
  }
});

test("share links: a link reads its own plan only; a revoked link reads nothing; a link is no API token", async ({
  playwright,
}) => {
  const anon = await playwright.request.newContext({ baseURL: base });
  const shared = await anon.get(`/s/${t.a.link1}`);
  expect(shared.status()).toBe(200);
  const html = await shared.text();
  expect(html).toContain(`${MARK} P1 Atlas`);
  for (const other of [
    `${MARK} P2`,
    `${MARK} comment`,
    `${MARK} announcement`,
    `${MARK} link`,
    `${MARK} token`,
    t.ann.email,
    t.cal.email,
  ]) {
    expect(html.includes(other), `the link page shows ${other}`).toBe(false);
  }
  expect((await anon.get(`/s/${t.a.revoked}`)).status()).toBe(404);
  // A link that allows no downloads gives none, and says so.
  for (const path of [`/api/v1/shared/${t.a.link1}/export.md`, `/api/v1/shared/${t.a.link1}/export.pdf`]) {
    const res = await anon.get(path);
    expect(res.status(), path).toBe(403);
    noLeak(await res.text(), path);
  }
  // The link's schedule page: the same plan, the same limits.
  const schedule = await anon.get(`/s/${t.a.link1}/schedule`);
  expect(schedule.status()).toBe(200);
  expect(await schedule.text()).toContain(`${MARK} P1 Atlas`);
  expect((await anon.get(`/s/${t.a.revoked}/schedule`)).status()).toBe(404);
  expect((await anon.get(`/api/v1/plans/${t.a.p1}/risks.csv?token=${t.a.link1}`)).status()).toBe(200);
  for (const path of [
    `/api/v1/plans/${t.a.p2}/risks.csv?token=${t.a.link1}`,
    `/api/v1/plans/${t.a.p2}/raci.csv?token=${t.a.link1}`,
    `/api/v1/plans/${t.a.p1}/raci.csv?token=${t.a.revoked}`,
  ]) {
    const res = await anon.get(path);
    expect(res.status(), path).toBe(404);
    noLeak(await res.text(), path);
  }
  // Routes that take no link: a token in the query or as a bearer token opens nothing.
  for (const path of [
    "",
    "/export.md",
    "/export.pdf",
    "/schedule.csv",
    "/schedule.ics",
    "/schedule.xml",
    "/schedule.xlsx",
  ]) {
    for (const res of [
      await anon.get(`/api/v1/plans/${t.a.p1}${path}?token=${t.a.link1}`),
      await anon.get(`/api/v1/plans/${t.a.p1}${path}`, { headers: { Authorization: `Bearer ${t.a.link1}` } }),
    ]) {
      expect(res.status(), path).toBe(401);
      noLeak(await res.text(), path);
    }
  }
  for (const path of [
    `/api/v1/workspaces/${t.a.workspace}`,
    `/api/v1/workspaces/${t.a.workspace}/plans`,
    "/api/v1/workspaces",
  ]) {
    expect((await anon.get(path, { headers: { Authorization: `Bearer ${t.a.link1}` } })).status(), path).toBe(401);
  }
  await anon.dispose();
});

// ---- /collab -------------------------------------------------------------------------------------

function upgrade(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => {
      ws.close();
      resolve(101);
    });
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once("error", reject);
  });
}

test("/collab: the outsider's session, another plan's link and a revoked link are refused at upgrade", async () => {
  const wsBase = base.replace(/^http/, "ws");
  const cookie = async (ctx: typeof t.bea.context) =>
    (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const bea = { Origin: base, Cookie: await cookie(t.bea.context) };
  const ann = { Origin: base, Cookie: await cookie(t.ann.context) };
  // Positive controls: the owner and the link of P1 get in.
  expect(await upgrade(`${wsBase}/collab/${t.a.p1}`, ann)).toBe(101);
  expect(await upgrade(`${wsBase}/collab/${t.a.p1}?token=${t.a.link1}`, { Origin: base })).toBe(101);
  for (const [what, url, headers] of [
    ["outsider session", `${wsBase}/collab/${t.a.p1}`, bea],
    ["outsider session, second plan", `${wsBase}/collab/${t.a.p2}`, bea],
    ["link of P1 on P2", `${wsBase}/collab/${t.a.p2}?token=${t.a.link1}`, { Origin: base }],
    ["revoked link", `${wsBase}/collab/${t.a.p1}?token=${t.a.revoked}`, { Origin: base }],
    ["owner's session from another site", `${wsBase}/collab/${t.a.p1}`, { ...ann, Origin: "https://evil.example" }],
  ] as const) {
    expect([401, 403, 404], what).toContain(await upgrade(url, headers));
  }
});

// ---- server actions ------------------------------------------------------------------------------

/** Actions that touch no one else's data (sign-in, one's own workspace, token or inbox). */
const OWN_OR_PUBLIC_ACTIONS = new Set([
  "signInAction",
  "signUpAction",
  "signOutAction",
  "oauthSignInAction",
  // Account recovery by mailed link: the link's token names the account, never an id.
  "forgotPasswordAction",
  "resetPasswordAction",
  // One's own account: verification mail, daily summary.
  "resendVerificationAction",
  "setDigestAction",
  "createWorkspaceAction",
  "createTokenAction",
  "markAllReadAction",
]);

/** Each action with A's ids, alone or mixed with Bea's own (her plan with A's link id, …). */
const actionAttacks: Record<string, (a: Tenants["a"], b: Tenants["b"]) => ActionArgs[]> = {
  updatePlanDetailsAction: (a) => [form({ planId: a.p1, title: "pwned", summary: "", status: "draft" })],
  createShareLinkAction: (a) => [form({ planId: a.p1, label: "mine now", expiresInDays: "" })],
  revokeShareLinkAction: (a, b) => [
    form({ planId: a.p1, linkId: a.link1Id }),
    form({ planId: b.plan, linkId: a.link1Id }),
  ],
  setPlanRoleAction: (a, b) => [
    form({ planId: a.p1, userId: a.calId, role: "viewer" }),
    form({ planId: b.plan, userId: a.calId, role: "viewer" }),
  ],
  setShareLinkOptionsAction: (a, b) => [
    form({ planId: a.p1, linkId: a.link1Id, allowFeedback: "on", allowDownloads: "on" }),
    form({ planId: b.plan, linkId: a.link1Id, allowDownloads: "on" }),
  ],
  // A's link allows no feedback; a revoked link is no link at all.
  leaveFeedbackAction: (a) => [
    form({ token: a.link1, section: "objectives", kind: "comment", name: "Bea", body: "planted" }),
    form({ token: a.revoked, section: "objectives", kind: "comment", name: "Bea", body: "planted" }),
  ],
  answerFeedbackAction: (a, b) => [
    form({ planId: a.p1, feedbackId: a.commentId, reply: "planted" }),
    form({ planId: b.plan, feedbackId: a.commentId, reply: "planted" }),
  ],
  resolveFeedbackAction: (a, b) => [
    form({ planId: a.p1, feedbackId: a.commentId, resolved: "true" }),
    form({ planId: b.plan, feedbackId: a.commentId, resolved: "true" }),
  ],
  addCommentAction: (a) => [{ json: [a.p1, { section: "objectives", body: "planted" }] }],
  setResolvedAction: (a) => [{ json: [a.commentId, true] }],
  loadCommentsAction: (a) => [{ json: [a.p1] }],
  postAnnouncementAction: (a) => [form({ planId: a.p1, body: "planted" })],
  addApproverAction: (a, b) => [form({ planId: a.p1, userId: a.annId }), form({ planId: b.plan, userId: a.calId })],
  removeApproverAction: (a) => [form({ planId: a.p1, userId: a.calId })],
  addPartApproverAction: (a, b) => [
    form({ planId: a.p1, part: "budget", userId: a.annId }),
    form({ planId: b.plan, part: "budget", userId: a.calId }),
  ],
  removePartApproverAction: (a) => [form({ planId: a.p1, part: "budget", userId: a.calId })],
  signOffPartAction: (a) => [form({ planId: a.p1, part: "budget", decision: "approved", comment: "" })],
  requestPartSignoffAction: (a) => [form({ planId: a.p1, part: "budget" })],
  changeStatusAction: (a) => [form({ planId: a.p1, status: "in_review" })],
  signOffAction: (a) => [form({ planId: a.p1, decision: "approved", comment: "" })],
  renameWorkspaceAction: (a) => [form({ workspaceId: a.workspace, name: "pwned" })],
  deleteWorkspaceAction: (a) => [form({ workspaceId: a.workspace })],
  createPlanAction: (a, b) => [
    form({ workspaceId: a.workspace, title: "planted" }),
    form({ workspaceId: b.workspace, source: a.p1, title: "stolen copy" }),
  ],
  duplicatePlanAction: (a) => [form({ planId: a.p1 })],
  archivePlanAction: (a) => [form({ planId: a.p1, archived: "true" })],
  deletePlanAction: (a) => [form({ planId: a.p2, workspaceId: a.workspace })],
  inviteMemberAction: (a, b) => [form({ workspaceId: a.workspace, email: b.email, role: "owner" })],
  cancelInvitationAction: (a, b) => [
    form({ workspaceId: a.workspace, invitationId: a.invitationId }),
    form({ workspaceId: b.workspace, invitationId: a.invitationId }),
  ],
  changeRoleAction: (a, b) => [
    form({ workspaceId: a.workspace, userId: a.calId, role: "owner" }),
    form({ workspaceId: b.workspace, userId: a.annId, role: "member" }),
  ],
  removeMemberAction: (a, b) => [
    form({ workspaceId: a.workspace, userId: a.calId }),
    form({ workspaceId: b.workspace, userId: a.annId }),
  ],
  revokeTokenAction: (a) => [form({ tokenId: a.annTokenId })],
  createWebhookAction: (a) => [
    form({ workspaceId: a.workspace, url: "http://127.0.0.1:9/bea", "event:task.changed": "on" }),
  ],
  deleteWebhookAction: (a, b) => [
    form({ workspaceId: a.workspace, webhookId: a.webhookId }),
    form({ workspaceId: b.workspace, webhookId: a.webhookId }),
  ],
  redeliverAction: (a, b) => [
    form({ workspaceId: a.workspace, webhookId: a.webhookId, deliveryId: a.deliveryId }),
    form({ workspaceId: b.workspace, webhookId: a.webhookId, deliveryId: a.deliveryId }),
  ],
  markReadAction: (a) => [form({ id: a.calNotificationId })],
};

test("every server action in the build is covered by the matrix", () => {
  const missing = serverActions()
    .map((a) => a.name)
    .filter((n) => !OWN_OR_PUBLIC_ACTIONS.has(n) && !actionAttacks[n]);
  expect(missing, "server actions missing from the IDOR matrix").toEqual([]);
});

test("server actions: posted from the outsider's session with A's ids, every one is refused and A is unchanged", async () => {
  /** Post each action from a page of Bea's own that carries it, as her browser would. */
  const pageFor = (worker: string) =>
    worker
      .replace(/^app/, "")
      .replace(/\/\([^)]*\)/g, "")
      .replace(/\/page$/, "")
      .replace("/plans/[id]", `/plans/${t.b.plan}`)
      .replace("/workspaces/[id]", `/workspaces/${t.b.workspace}`) || "/";
  for (const action of serverActions()) {
    const attacks = actionAttacks[action.name]?.(t.a, t.b) ?? [];
    for (const args of attacks) {
      const at = pageFor(action.workers.find((w) => !w.includes("[token]")) ?? action.workers[0]!);
      const res = await t.act(t.bea.page, at, action.name, args);
      const what = `${action.name} ${JSON.stringify(args)}`;
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers["x-action-redirect"], `${what} redirected`).toBeUndefined();
      // Marking read is scoped to the caller's own inbox: someone else's id is a silent no-op (checked below).
      if (action.name !== "markReadAction") {
        expect(res.text, what).not.toMatch(/"ok":true/);
        // The action ran and answered with its refusal (not a routing error that proves nothing).
        expect(res.text, what).toMatch(/"ok":false,"message":"[^"]+"/);
      }
      noLeak(res.text, what);
    }
  }

  // A, as Ann sees it: nothing moved.
  const plan = (await (await t.ann.page.request.get(`/api/v1/plans/${t.a.p1}`)).json()).data;
  expect(plan).toMatchObject({ title: `${MARK} P1 Atlas`, status: "draft", archivedAt: null });
  expect((await t.ann.page.request.get(`/api/v1/plans/${t.a.p2}`)).status()).toBe(200);
  const task = await t.ann.page.request.get(`/api/v1/plans/${t.a.p1}/tasks/${t.a.taskId}`);
  expect((await task.json()).data).toMatchObject({ name: `${MARK} task` });
  const hooks = (await (await t.ann.page.request.get(`/api/v1/workspaces/${t.a.workspace}/webhooks`)).json()).data;
  expect(hooks.map((h: { id: string }) => h.id)).toEqual([t.a.webhookId]);
  const ws = (await (await t.ann.page.request.get(`/api/v1/workspaces/${t.a.workspace}`)).json()).data;
  expect(JSON.stringify(ws)).toContain(`${MARK} workspace`);
  const members = (await (await t.ann.page.request.get(`/api/v1/workspaces/${t.a.workspace}/members`)).json()).data;
  expect(members.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual(
    [`${t.ann.email}:owner`, `${t.cal.email}:member`].sort(),
  );
  expect(members.invitations).toHaveLength(1);
  const plans = (await (await t.ann.page.request.get(`/api/v1/workspaces/${t.a.workspace}/plans`)).json()).data;
  expect(JSON.stringify(plans)).not.toMatch(/planted|stolen|Copy of/);
  expect((await t.ann.page.request.get(`/s/${t.a.link1}`)).status()).toBe(200);
  const share = await (await t.ann.page.request.get(`/plans/${t.a.p1}/share`)).text();
  expect(share).not.toContain("mine now");
  expect(share).not.toContain("planted");
  expect((await t.ann.page.request.get(`/api/v1/shared/${t.a.link1}/export.md`)).status()).toBe(403);
  const review = await (await t.ann.page.request.get(`/plans/${t.a.p1}/review`)).text();
  expect(review).toContain("Cal Member");
  const comments = await t.act(t.ann.page, `/plans/${t.a.p1}`, "loadCommentsAction", { json: [t.a.p1] });
  expect(comments.text).toContain(`${MARK} comment`);
  expect(comments.text).not.toContain("planted");
  expect(comments.text).not.toMatch(/"resolvedAt":"/);
  expect(await (await t.ann.page.request.get("/settings")).text()).toContain(t.a.annTokenId);
  expect(await (await t.cal.page.request.get("/inbox")).text()).toContain(t.a.calNotificationId);
  // Bea's own plan did not gain A's approvers, members or copies either.
  const beaPlans = (await (await t.bea.page.request.get(`/api/v1/workspaces/${t.b.workspace}/plans`)).json()).data;
  expect(JSON.stringify(beaPlans)).not.toMatch(/SECRET-A|stolen/);
});
