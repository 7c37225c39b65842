import ICAL from "ical.js";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { App, uniqueEmail } from "./fixtures";

const XSS = "<img src=x onerror=alert(1)>";

async function person(browser: Browser, name: string, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const app = new App(page);
  await app.signUp(name, email);
  return { context, page, app, dialogs };
}

/** A calendar date `days` after today, as the browser's clock would read it locally. */
function isoIn(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
const addDaysIso = (iso: string, n: number) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
};

const bar = (page: Page, name: string) =>
  page.locator(".pw-gantt .bar-wrapper").filter({ has: page.locator(".bar-label", { hasText: name }) });

async function addDatedTask(page: Page, name: string, start: string, end: string) {
  await page.getByLabel("New task name").fill(name);
  await page.getByRole("button", { name: "Add task" }).click();
  await page.getByLabel(`Start of ${name}`).fill(start);
  await page.getByLabel(`End of ${name}`).fill(end);
  await expect(page.getByLabel(`End of ${name}`)).toHaveValue(end);
}

/** Switches the timeline to the Day view (45 px a day) and waits until it is drawn. */
async function dayView(page: Page) {
  await page.getByRole("button", { name: "Day", exact: true }).click();
  await expect(page.locator(".pw-gantt .gantt-container")).toHaveAttribute("style", /--gv-column-width: 45px/);
}

/** Drags a bar horizontally by whole day columns of the Day view (45 px each). */
async function dragBar(page: Page, name: string, days: number) {
  const target = bar(page, name).locator(".bar").first();
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await page.evaluate(
    ([px, py]) =>
      document.elementFromPoint(px!, py!)?.closest(".bar-wrapper")?.querySelector(".bar-label")?.textContent ??
      document.elementFromPoint(px!, py!)?.outerHTML.slice(0, 120),
    [x, y],
  );
  expect(hit, "the bar is under the pointer").toBe(name);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + (days * 45 * i) / 10 + (i === 10 ? 5 : 0), y);
  await page.mouse.up();
}

test("a drag reaches the other editor live; a read-only link cannot drag; a hostile name stays text", async ({
  browser,
  baseURL,
}) => {
  const ann = await person(browser, "Ann Lee", uniqueEmail("ann"));
  const workspaceId = await ann.app.createWorkspace("Timeline");
  const planId = await ann.app.createPlan("Launch plan");
  const bobEmail = uniqueEmail("bob");
  const invite = await ann.page.request.post(`/api/v1/workspaces/${workspaceId}/members`, {
    data: { email: bobEmail, role: "member" },
    headers: { Origin: baseURL! },
  });
  expect(invite.ok()).toBe(true);

  const start = isoIn(2);
  const end = addDaysIso(start, 4);
  await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
  await addDatedTask(ann.page, "Design", start, end);
  await addDatedTask(ann.page, XSS, start, end);

  const bob = await person(browser, "Bob Stone", bobEmail);
  await bob.page.goto(`/plans/${planId}`);
  await expect(bob.page.getByTestId("connection-badge")).toHaveText("Live");
  await expect(bar(bob.page, "Design")).toHaveCount(1);

  // Ann drags "Design" two days later in the Day view; Bob's grid and bar follow without a reload.
  await dayView(ann.page);
  await dragBar(ann.page, "Design", 2);
  await expect(ann.page.getByLabel("Start of Design")).toHaveValue(addDaysIso(start, 2));
  await expect(bob.page.getByLabel("Start of Design")).toHaveValue(addDaysIso(start, 2));
  await expect(bob.page.getByLabel("End of Design")).toHaveValue(addDaysIso(end, 2));

  // The hostile name is drawn as text in the bar label and in the popup, and never runs.
  for (const p of [ann.page, bob.page]) {
    await expect(p.locator(".pw-gantt .bar-label", { hasText: XSS })).toHaveCount(1);
    await expect(p.locator(".pw-gantt img")).toHaveCount(0);
  }
  await bar(bob.page, XSS).locator(".bar").first().click();
  await expect(bob.page.getByTestId("task-popup-name")).toHaveText(XSS);
  await expect(bob.page.getByTestId("task-popup")).toContainText("Slack");
  await expect(bob.page.locator("[data-testid=task-popup] img")).toHaveCount(0);

  // A read-only link: the same timeline, no handles, and a drag changes nothing.
  await ann.page.goto(`/plans/${planId}/share`);
  await ann.page.getByRole("button", { name: "Create link" }).click();
  const link = await ann.page.getByTestId("new-link").inputValue();
  const guest = await browser.newContext();
  const viewer = await guest.newPage();
  const viewerDialogs: string[] = [];
  viewer.on("dialog", (d) => void viewerDialogs.push(d.message()));
  await viewer.goto(link);
  await expect(bar(viewer, "Design")).toHaveCount(1);
  await expect(viewer.locator(".pw-gantt .handle")).toHaveCount(0);
  await expect(viewer.getByLabel("Start of Design")).toBeDisabled();
  await dayView(viewer);
  await dragBar(viewer, "Design", 3);
  await expect(viewer.getByLabel("Start of Design")).toHaveValue(addDaysIso(start, 2));
  await expect(bob.page.getByLabel("Start of Design")).toHaveValue(addDaysIso(start, 2));

  expect([...ann.dialogs, ...bob.dialogs, ...viewerDialogs]).toEqual([]);
  await Promise.all([ann.context.close(), bob.context.close(), guest.close()]);
});

for (const timezoneId of ["America/New_York", "Pacific/Auckland"]) {
  test(`dates stay calendar dates in ${timezoneId}: drag, iCalendar export and CSV import`, async ({ browser }) => {
    const ann = await person(browser, "Ann Lee", uniqueEmail("tz"), { timezoneId });
    await ann.app.createWorkspace("Dates");
    const planId = await ann.app.createPlan("Dated plan");
    await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
    const start = isoIn(3);
    await addDatedTask(ann.page, "Build", start, addDaysIso(start, 2));
    await ann.page.getByLabel("New task name").fill("Go live");
    await ann.page.getByLabel("Kind of the new task").selectOption("milestone");
    await ann.page.getByRole("button", { name: "Add task" }).click();
    await ann.page.getByLabel("Start of Go live").fill(addDaysIso(start, 10));
    await expect(ann.page.getByLabel("End of Go live")).toHaveValue(addDaysIso(start, 10));

    // A fresh load: the chart is drawn from the stored plan, not built up edit by edit.
    await ann.page.reload();
    await expect(ann.page.getByTestId("connection-badge")).toHaveText("Live");
    await dayView(ann.page);
    await dragBar(ann.page, "Build", 1);
    await expect(ann.page.getByLabel("Start of Build")).toHaveValue(addDaysIso(start, 1));
    await expect(ann.page.getByLabel("End of Build")).toHaveValue(addDaysIso(start, 3));

    // The iCalendar export parses, with all-day events on the very dates of the plan.
    await expect
      .poll(async () => {
        const res = await ann.page.request.get(`/api/v1/plans/${planId}/schedule.ics`);
        const cal = new ICAL.Component(ICAL.parse(await res.text()));
        return cal.getAllSubcomponents("vevent").map((v) => {
          const e = new ICAL.Event(v);
          return `${e.summary}@${e.startDate.toString()}`;
        });
      })
      .toEqual([`Due: Build@${addDaysIso(start, 3)}`, `Milestone: Go live@${addDaysIso(start, 10)}`]);

    // CSV import: good rows go in, a bad row is reported with its reason.
    const csv = [
      "Name,Kind,Start,End,Predecessors",
      `Test,task,${addDaysIso(start, 5)},${addDaysIso(start, 6)},Build [FS]`,
      `Broken,task,${addDaysIso(start, 6)},${addDaysIso(start, 2)},`,
    ].join("\n");
    await ann.page
      .getByLabel("Schedule file to import")
      .setInputFiles({ name: "tasks.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const report = ann.page.getByTestId("import-report");
    await expect(report).toContainText("1 task and 1 link will be imported; 1 row(s) refused.");
    await report.getByRole("button", { name: "Import 1 task" }).click();
    await expect(report).toContainText("1 task imported; 1 row(s) refused.");
    await expect(report).toContainText("Row 3 (Broken): The end date cannot be before the start date.");
    await expect(ann.page.getByLabel("Start of Test")).toHaveValue(addDaysIso(start, 5));
    await expect(ann.page.getByLabel("Predecessors of Test")).toHaveValue("Build [FS]");
    await ann.page.reload();
    await expect(ann.page.locator(".pw-gantt .arrow")).toHaveCount(1);
    expect(ann.dialogs).toEqual([]);
    await ann.context.close();
  });
}

test("touch: a bar drags on a phone-sized screen", async ({ browser }) => {
  const email = uniqueEmail("touch");
  const desk = await person(browser, "Ann Lee", email);
  await desk.app.createWorkspace("Touch");
  const planId = await desk.app.createPlan("Phone plan");
  await expect(desk.page.getByTestId("connection-badge")).toHaveText("Live");
  const start = isoIn(2);
  await addDatedTask(desk.page, "Survey", start, addDaysIso(start, 1));
  await desk.context.close();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await new App(page).signIn(email);
  await page.goto(`/plans/${planId}`);
  await expect(page.getByTestId("connection-badge")).toHaveText("Live");
  await dayView(page);
  const target = bar(page, "Survey").locator(".bar").first();
  await target.evaluate((el) => el.scrollIntoView({ block: "center", inline: "center" }));
  const box = (await target.boundingBox())!;
  const cdp = await context.newCDPSession(page);
  const at = (x: number) => [{ x, y: box.y + box.height / 2 }];
  const x0 = box.x + box.width / 2;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(x0) });
  for (let i = 1; i <= 10; i++)
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(x0 + 9.5 * i) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect(page.getByLabel("Start of Survey")).toHaveValue(addDaysIso(start, 2));
  await context.close();
});
