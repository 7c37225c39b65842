/**
 * XSS corpus: every text field of a plan (through the live document), plus the plan's title and
 * summary, comments, announcements, a sign-off comment, workspace and user names, a link label and an
 * API token name, all hostile. Then every view and export is opened in Chromium: no dialog, no
 * `window.__xss`, no live handler or `javascript:` URL in the DOM, and no CSP violation (the run's
 * teardown also fails on any).
 */
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { demoPlanContent } from "../../db/demo-content";
import { fromPlanContent, writeDocContent, type DocContent } from "../../lib/doc";
import { App, uniqueEmail } from "../fixtures";
import { markdownPayload, payload, XSS_CORPUS } from "../xss-corpus";
import { callAction, form } from "./actions";
import { editLiveDoc } from "./live-doc";

/** Free-text fields of each collection (ids, dates, numbers and enums are validated shapes). */
const TEXT_FIELDS: { [C in keyof DocContent]?: string[] } = {
  objectives: ["title", "description"],
  scopeItems: ["text"],
  deliverables: ["name", "description", "acceptanceCriteria"],
  stakeholders: ["name", "role", "channel"],
  researchEntries: ["title", "participants"],
  tasks: ["name"],
  risks: ["title", "description", "category", "trigger", "mitigation", "contingency"],
  swotItems: ["text"],
  raciColumns: ["name"],
  resources: ["name", "role", "notes"],
  budgetLines: ["category", "description"],
  holidays: ["name"],
  baselines: ["name"],
};

function hostileContent(ownerId: string): DocContent {
  const today = new Date().toISOString().slice(0, 10);
  const content = fromPlanContent(demoPlanContent(today as never, ownerId));
  let i = 0;
  const rows = content as unknown as Record<string, Record<string, unknown>[]>;
  for (const [name, fields] of Object.entries(TEXT_FIELDS)) {
    for (const row of rows[name]!) for (const f of fields!) row[f] = payload(i++);
  }
  for (const o of content.objectives) o.kpi = { ...o.kpi, metric: payload(i++) };
  // Findings are Markdown, rendered like the strategy.
  for (const r of content.researchEntries) r.findings = markdownPayload;
  return { ...content, strategy: markdownPayload, scopeText: markdownPayload };
}

/** The page has loaded and hydrated: anything that would run has had its chance. */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
}

/** Watch a page for anything hostile that ran or got into the DOM as markup. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on("dialog", (d) => {
    seen.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`csp: ${m.text().slice(0, 200)}`);
  });
  return async (what: string) => {
    const found = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown };
      const live = [...document.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes]
          .filter(
            (a) =>
              /^on/i.test(a.name) ||
              (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name) &&
                /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)),
          )
          .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`),
      );
      // Next's own nonce-bearing scripts carry the payloads as JSON data; any other script is foreign.
      const scripts = [...document.scripts]
        .filter((s) => !s.nonce && /__xss/.test(s.textContent ?? ""))
        .map((s) => s.outerHTML.slice(0, 80));
      return { xss: w.__xss ?? null, live, scripts, frames: document.querySelectorAll("iframe, object, embed").length };
    });
    expect(seen, `${what}: dialogs or CSP reports`).toEqual([]);
    expect(found, what).toEqual({ xss: null, live: [], scripts: [], frames: 0 });
  };
}

test("every text field hostile: no view or export runs any of it", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(150_000);
  const base = baseURL!;
  const annCtx = await browser.newContext();
  const ann = await annCtx.newPage();
  const maxCtx = await browser.newContext();
  const max = await maxCtx.newPage();
  const annEmail = uniqueEmail("ann");
  const maxEmail = uniqueEmail("max");
  await new App(ann).signUp(payload(1), annEmail);
  await new App(max).signUp(payload(2), maxEmail);
  const workspaceId = await new App(ann).createWorkspace(payload(4));
  const planId = await new App(ann).createPlan(payload(5), `${payload(6)}\n${payload(7)}`);
  const act = (page: Page, at: string, name: string, args: Parameters<typeof callAction>[4]) =>
    callAction(page.request, base, at, name, args);
  expect(
    (
      await ann.request.post(`/api/v1/workspaces/${workspaceId}/members`, {
        data: { email: maxEmail, role: "admin" },
        headers: { Origin: base },
      })
    ).status(),
  ).toBe(201);
  const members = (await (await ann.request.get(`/api/v1/workspaces/${workspaceId}/members`)).json()).data.members as {
    userId: string;
    email: string;
  }[];
  const annId = members.find((m) => m.email === annEmail)!.userId;
  const maxId = members.find((m) => m.email === maxEmail)!.userId;

  // The live document: every collection's text fields, the markdown texts.
  await editLiveDoc(annCtx, base, planId, (doc) => expect(writeDocContent(doc, hostileContent(annId))).toEqual([]));

  // Conversation, review, sharing and tokens, each with a payload.
  await act(ann, `/plans/${planId}`, "addCommentAction", {
    json: [planId, { section: "objectives", body: `${payload(8)} @[${payload(2)}](${maxId})` }],
  });
  await act(max, `/plans/${planId}`, "addCommentAction", {
    json: [planId, { section: "risks", body: `${payload(9)} @[x](${annId})` }],
  });
  await act(ann, `/plans/${planId}`, "postAnnouncementAction", form({ planId, body: markdownPayload.slice(0, 1000) }));
  await act(ann, `/plans/${planId}/review`, "addApproverAction", form({ planId, userId: maxId }));
  await act(ann, `/plans/${planId}/review`, "changeStatusAction", form({ planId, status: "in_review" }));
  const signed = await act(
    max,
    `/plans/${planId}/review`,
    "signOffAction",
    form({ planId, decision: "changes_requested", comment: payload(10) }),
  );
  expect(signed.text).toContain('"ok":true');
  const link = await act(
    ann,
    `/plans/${planId}/share`,
    "createShareLinkAction",
    form({ planId, label: payload(11).slice(0, 80), expiresInDays: "" }),
  );
  const sharePath = /\/s\/[A-Za-z0-9_-]{20,}/.exec(link.text)![0];
  const token = sharePath.split("/").pop()!;
  await act(ann, "/settings", "createTokenAction", form({ name: payload(12).slice(0, 60) }));

  // Wait for the projection (exports and first paint read it).
  await expect
    .poll(async () => (await ann.request.get(`/api/v1/plans/${planId}/export.md`)).text(), { timeout: 20_000 })
    .toContain(payload(13));

  const annCheck = watch(ann);
  const views = [
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
    `/api/v1/plans/${planId}/export.md?inline=1`,
  ];
  for (const path of views) {
    await ann.goto(path);
    if (path === `/plans/${planId}`) {
      await expect(ann.getByTestId("connection-badge")).toHaveText("Live");
      // Comments open: their bodies rendered.
      for (const b of await ann.getByRole("button", { name: "Comments on this section (1 open)" }).all())
        await b.click();
      await expect(ann.getByRole("listitem", { name: /^Comment by/ })).toHaveCount(2);
    }
    await settle(ann);
    await annCheck(path);
  }
  // The plan page shows the payloads as text (not dropped or mangled into markup).
  await ann.goto(`/plans/${planId}`);
  await expect(ann.getByText(XSS_CORPUS[0], { exact: false }).first()).toBeAttached();

  const maxCheck = watch(max);
  for (const path of ["/inbox", `/plans/${planId}`, `/plans/${planId}/review`]) {
    await max.goto(path);
    await settle(max);
    await maxCheck(`max ${path}`);
  }

  // The read-only link page, as a stranger.
  const guestCtx = await browser.newContext();
  const guest = await guestCtx.newPage();
  const guestCheck = watch(guest);
  await guest.goto(sharePath);
  await expect(guest.getByTestId("connection-badge")).toHaveText("Live");
  await settle(guest);
  await guestCheck("shared page");

  // Downloads: opened in the browser they download (never render as a page), typed, nosniff.
  const downloads = [
    [`/api/v1/plans/${planId}/schedule.csv`, "text/csv"],
    [`/api/v1/plans/${planId}/schedule.ics`, "text/calendar"],
    [`/api/v1/plans/${planId}/schedule.xml`, "application/xml"],
    [`/api/v1/plans/${planId}/schedule.xlsx`, "spreadsheetml"],
    [`/api/v1/plans/${planId}/risks.csv`, "text/csv"],
    [`/api/v1/plans/${planId}/raci.csv`, "text/csv"],
    [`/api/v1/plans/${planId}/export.md`, "text/markdown"],
    [`/api/v1/plans/${planId}/export.pdf`, "application/pdf"],
  ] as const;
  let pdf: Buffer | null = null;
  for (const [path, type] of downloads) {
    const res = await ann.request.get(path);
    if (type === "application/pdf") pdf = await res.body();
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(res.headers()["content-disposition"], path).toMatch(/^attachment/);
    // The PDF is rendered once above; opening it again would only render it again.
    if (type === "application/pdf") continue;
    const download = ann.waitForEvent("download");
    await ann.goto(path).catch(() => {});
    await download;
    await annCheck(`download ${path}`);
  }
  const guestCsv = await guest.request.get(`/api/v1/plans/${planId}/risks.csv?token=${token}`);
  expect(guestCsv.headers()["content-disposition"]).toMatch(/^attachment/);

  // The PDF was rendered by a browser on the server from the print page: the payloads are text in it.
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf!)), { mergePages: true });
  expect(text.replace(/\s+/g, " ")).toContain("<img src=x onerror=");

  await Promise.all([annCtx.close(), maxCtx.close(), guestCtx.close()]);
  // The print view rendered for the PDF runs under the same CSP; nothing ran there either.
  const anon = await playwright.request.newContext({ baseURL: base });
  expect(((await (await anon.get("/api/csp-report")).json()) as { reports: string[] }).reports).toEqual([]);
  await anon.dispose();
});
