/**
 * The schedule page's timeline: links of every kind drawn from the right ends and scheduled, edited
 * from the arrow and the task popup; a cascade and its single undo; resize and progress handles;
 * baseline slippage and the milestone chart; the critical path on another person's screen; a
 * read-only link; a 5,000-task plan.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { blankRow, insertRow } from "../lib/doc";
import type { Dependency, DependencyType, Task } from "../lib/plan/types";
import { person, uniqueEmail } from "./fixtures";
import { editLiveDoc } from "./hardening/live-doc";

/** Monday of the week after next, and the days around it as ISO dates (calendar days from it). */
const monday = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 14 - ((d.getUTCDay() + 6) % 7));
  return d;
})();
const day = (n: number) => new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
// Week 1: Mon day(0) … Fri day(4); week 2: Mon day(7) … Fri day(11).

type Seed = { id: string; name: string; start: string; end: string; kind?: Task["kind"] };
const task = (name: string, start: string, end: string, kind: Task["kind"] = "task"): Seed => ({
  id: randomUUID(),
  name,
  start,
  end,
  kind,
});
const link = (from: Seed, to: Seed, type: DependencyType = "FS", lag = 0): Dependency => ({
  id: randomUUID(),
  from: from.id,
  to: to.id,
  type,
  lag,
});

async function seed(context: BrowserContext, baseURL: string, planId: string, tasks: Seed[], deps: Dependency[] = []) {
  await editLiveDoc(context, baseURL, planId, (doc) =>
    doc.transact(() => {
      tasks.forEach((t, i) => insertRow(doc, "tasks", { ...blankRow("tasks", t.id), ...t, order: i + 1 }));
      for (const d of deps) insertRow(doc, "dependencies", d);
    }),
  );
}

async function openSchedule(page: Page, path: string, bars: number) {
  await page.goto(path);
  // A plan of thousands of tasks takes seconds to draw on a busy 2-core machine before it goes live
  // (its load time is measured by bench/gantt.ts, not asserted here).
  await expect(page.getByTestId("connection-badge")).toHaveText("Live", { timeout: bars > 1000 ? 60_000 : 10_000 });
  await expect(page.locator(".pw-gantt .bar-wrapper")).toHaveCount(bars, { timeout: 60_000 });
}

const dates = async (page: Page, name: string) => [
  await page.getByLabel(`Start of ${name}`).inputValue(),
  await page.getByLabel(`End of ${name}`).inputValue(),
];
const expectDates = (page: Page, name: string, start: string, end: string) =>
  expect.poll(() => dates(page, name)).toEqual([start, end]);

/** A bar's rectangle in chart coordinates. */
const barOf = (page: Page, t: Seed) =>
  page.locator(`.pw-gantt .bar-wrapper[data-id="${t.id}"] .bar`).evaluate((r) => ({
    x: Number(r.getAttribute("x")),
    w: Number(r.getAttribute("width")),
  }));

/** Adds a link from the task popup's form (the keyboard's way to draw one). */
async function addLink(page: Page, to: Seed, from: Seed, kind: DependencyType, lag: number) {
  await page.getByRole("button", { name: `Details of ${to.name}`, exact: true }).click();
  const form = page.getByRole("form", { name: "Add a link" });
  await form.getByLabel("Direction of the new link").selectOption("before");
  await form.getByLabel("Task to link with").selectOption(from.id);
  await form.getByLabel("Kind of the new link").selectOption(kind);
  await form.getByLabel("Lag of the new link").fill(String(lag));
  await form.getByRole("button", { name: "Add link" }).click();
}

test("links of every kind: scheduled, drawn from the right ends with their lag, edited from the arrow", async ({
  browser,
  baseURL,
}) => {
  const ann = await person(browser, "Ann Lee");
  await ann.app.createWorkspace("Links");
  const planId = await ann.app.createPlan("Kinds of links");
  const a = task("Alpha", day(0), day(4));
  const b = task("Bravo", day(0), day(1));
  const c = task("Charlie", day(0), day(1));
  const d = task("Delta", day(0), day(1));
  await seed(ann.context, baseURL!, planId, [a, b, c, d]);
  await openSchedule(ann.page, `/plans/${planId}/schedule`, 4);
  const page = ann.page;

  // A week's plan fits the Day view; full screen and back.
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await expect(page.getByRole("button", { name: "Day", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Full screen" }).click();
  await expect(page.getByTestId("schedule")).toHaveAttribute("data-full-screen", "true");
  await page.getByRole("button", { name: "Exit full screen" }).click();
  await expect(page.getByTestId("schedule")).not.toHaveAttribute("data-full-screen", "true");

  // SS +2: Bravo starts two working days after Alpha starts. FF −1: Charlie ends a day before Alpha
  // ends. SF +3: Delta ends three working days after Alpha starts.
  await addLink(page, b, a, "SS", 2);
  await expectDates(page, "Bravo", day(2), day(3));
  await addLink(page, c, a, "FF", -1);
  await expectDates(page, "Charlie", day(2), day(3));
  await addLink(page, d, a, "SF", 3);
  await expectDates(page, "Delta", day(1), day(2));
  await expectDates(page, "Alpha", day(0), day(4));

  // Each arrow leaves and reaches the anchors of its kind, and says its kind and lag.
  const expected: [Seed, DependencyType, string, "start" | "end", "start" | "end"][] = [
    [b, "SS", "SS +2d", "start", "start"],
    [c, "FF", "FF −1d", "end", "end"],
    [d, "SF", "SF +3d", "start", "end"],
  ];
  for (const [succ, kind, label, fromEnd, toEnd] of expected) {
    const arrow = page.locator(`.pw-arrow[data-from="${a.id}"][data-to="${succ.id}"]`);
    await expect(arrow).toHaveAttribute("data-kind", kind);
    await expect(arrow.locator(".pw-arrow-label")).toHaveText(label);
    await expect
      .poll(async () => {
        const from = await barOf(page, a);
        const to = await barOf(page, succ);
        const path = (await arrow.locator(".pw-arrow-line").getAttribute("d"))!.trim().split(/\s+/);
        const [sx, ex] = [Number(path[1]), Number(await arrow.getAttribute("data-end-x"))];
        const lastH = Number(path[path.lastIndexOf("H") + 1]);
        const want = (bar: { x: number; w: number }, end: string) => (end === "end" ? bar.x + bar.w : bar.x);
        return [sx - want(from, fromEnd), ex - want(to, toEnd), lastH - ex].map((v) => Math.abs(v) < 0.5);
      })
      .toEqual([true, true, true]);
  }

  // The task popup lists Alpha's three links.
  await page.getByRole("button", { name: "Details of Alpha", exact: true }).click();
  await expect(page.getByTestId("task-link")).toHaveCount(3);

  // A click on the SS arrow: its popover changes the lag, and Bravo follows; then it deletes the link.
  const ss = page.locator(`.pw-arrow[data-kind="SS"] .pw-arrow-hit`);
  await ss.dispatchEvent("click");
  const popover = page.getByTestId("link-popover");
  await expect(popover).toContainText("Alpha → Bravo");
  await popover.getByLabel("Lag in working days").fill("3");
  await popover.getByRole("button", { name: "Save link" }).click();
  await expectDates(page, "Bravo", day(3), day(4));
  await expect(page.locator(`.pw-arrow[data-kind="SS"] .pw-arrow-label`)).toHaveText("SS +3d");
  await ss.dispatchEvent("click");
  await page.getByTestId("link-popover").getByRole("button", { name: "Delete link" }).click();
  await expect(page.locator(`.pw-arrow[data-kind="SS"]`)).toHaveCount(0);
  await expect(page.locator(".pw-arrow")).toHaveCount(2);
  await ann.context.close();
});

test("a cascade moves dependents by their slack, one undo reverts it; handles; slippage and the milestone chart", async ({
  browser,
  baseURL,
}) => {
  const ann = await person(browser, "Ann Lee");
  await ann.app.createWorkspace("Cascade");
  const planId = await ann.app.createPlan("Cascading plan");
  // Alpha Mon–Tue; Bravo Thu–Fri (a day of slack); Charlie Tue–Wed of week 2 (a day of slack); the
  // milestone at the close of Charlie's last day (none).
  const a = task("Alpha", day(0), day(1));
  const b = task("Bravo", day(3), day(4));
  const c = task("Charlie", day(8), day(9));
  const m = task("Go live", day(9), day(9), "milestone");
  await seed(ann.context, baseURL!, planId, [a, b, c, m], [link(a, b), link(b, c), link(c, m)]);
  await openSchedule(ann.page, `/plans/${planId}/schedule`, 4);
  const page = ann.page;
  await expect(page.getByTestId("timeline-legend")).toContainText("Critical path");

  await page.getByLabel("Baseline name").fill("Signed off");
  await page.getByRole("button", { name: "Save baseline" }).click();
  await expect(page.getByLabel("Baseline to compare with")).toContainText("Signed off");
  await page.waitForTimeout(600); // the next edit is its own undo step

  // Alpha's end moves from Tue to Fri, by keyboard in the popup: 3 working days.
  await page.getByRole("button", { name: "Details of Alpha", exact: true }).click();
  await page.getByLabel("Task end").fill(day(4));
  await page.getByRole("button", { name: "Save dates" }).click();
  await expectDates(page, "Alpha", day(0), day(4));
  await expectDates(page, "Bravo", day(7), day(8)); // 3 − 1 day of slack = 2 working days
  await expectDates(page, "Charlie", day(9), day(10)); // 2 − 1 = 1
  await expectDates(page, "Go live", day(10), day(10)); // 1 − 0 = 1

  // Slippage against the baseline, on the bars and in the milestone chart.
  await expect(page.locator(`.pw-slip[data-task="${a.id}"]`)).toHaveText("+3d late");
  await expect(page.locator(`.pw-gantt .bar-wrapper[data-id="${b.id}"]`)).toHaveClass(/__is-late/);
  const chart = page.getByTestId("milestone-chart");
  await expect(chart.locator(`[data-milestone="${m.id}"]`)).toHaveAttribute("data-slip", "1");
  await expect(chart.getByTestId("milestone-list")).toContainText("Go live");
  await expect(chart.getByTestId("milestone-list")).toContainText("1 working day late");
  await expect(chart).toContainText("1 slipped");

  // One undo puts every task back.
  await page.getByRole("button", { name: "Undo" }).click();
  await expectDates(page, "Alpha", day(0), day(1));
  await expectDates(page, "Bravo", day(3), day(4));
  await expectDates(page, "Charlie", day(8), day(9));
  await expectDates(page, "Go live", day(9), day(9));
  await expect(chart.locator(`[data-milestone="${m.id}"]`)).toHaveAttribute("data-slip", "0");

  // Day view: the resize handle lengthens Charlie by a day; the progress handle sets its progress.
  await page.getByRole("button", { name: "Day", exact: true }).click();
  await expect(page.locator(".pw-gantt .gantt-container")).toHaveAttribute("style", /--gv-column-width: 45px/);
  const drag = async (selector: string, dx: number) => {
    const handle = page.locator(`.pw-gantt .bar-wrapper[data-id="${c.id}"] ${selector}`);
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x + (dx * i) / 10, y);
    await page.mouse.up();
  };
  await drag(".handle.right", 50);
  await expectDates(page, "Charlie", day(8), day(10));
  await expectDates(page, "Go live", day(10), day(10));
  await drag(".handle.progress", 60);
  await expect
    .poll(async () => Number(await page.getByLabel("Progress of Charlie in percent").inputValue()))
    .toBeGreaterThan(0);
  await ann.context.close();
});

test("the critical path turns red on the other screen; a read-only link shows the schedule without edit controls", async ({
  browser,
  baseURL,
}) => {
  const ann = await person(browser, "Ann Lee");
  const workspaceId = await ann.app.createWorkspace("Critical");
  const planId = await ann.app.createPlan("Critical plan");
  const bobEmail = uniqueEmail("bob");
  await ann.app.inviteMember(workspaceId, bobEmail);
  const bob = await person(browser, "Bob Stone", bobEmail);
  const a = task("Alpha", day(0), day(4));
  const b = task("Bravo", day(0), day(1));
  await seed(ann.context, baseURL!, planId, [a, b]);
  await openSchedule(ann.page, `/plans/${planId}/schedule`, 2);
  await openSchedule(bob.page, `/plans/${planId}/schedule`, 2);
  const barOn = (page: Page, t: Seed) => page.locator(`.pw-gantt .bar-wrapper[data-id="${t.id}"]`);
  await expect(barOn(bob.page, a)).toHaveClass(/__is-critical/);
  await expect(barOn(bob.page, b)).not.toHaveClass(/__is-critical/);

  await ann.page.getByLabel("End of Bravo").fill(day(8));
  await ann.page.getByLabel("End of Bravo").press("Enter");
  await expectDates(ann.page, "Bravo", day(0), day(8));
  await expect(barOn(bob.page, b)).toHaveClass(/__is-critical/);
  await expect(barOn(bob.page, a)).not.toHaveClass(/__is-critical/);

  // The plan page's Schedule section leads to the schedule page.
  await ann.page.goto(`/plans/${planId}`);
  await ann.page.getByRole("link", { name: "Open full schedule" }).click();
  await expect(ann.page).toHaveURL(new RegExp(`/plans/${planId}/schedule$`));

  await ann.page.goto(`/plans/${planId}/share`);
  await ann.page.getByRole("button", { name: "Create link" }).click();
  const shared = await ann.page.getByTestId("new-link").inputValue();
  const guest = await browser.newContext();
  const viewer = await guest.newPage();
  await openSchedule(viewer, `${new URL(shared).pathname}/schedule`, 2);
  await expect(viewer.locator(".pw-gantt .handle")).toHaveCount(0);
  await expect(viewer.locator(".pw-link-handle")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Save baseline" })).toHaveCount(0);
  await expect(barOn(viewer, b)).toHaveClass(/__is-critical/);
  await viewer.getByRole("button", { name: "Details of Bravo", exact: true }).click();
  await expect(viewer.getByTestId("task-popup")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save dates" })).toHaveCount(0);
  await expect(viewer.getByRole("form", { name: "Add a link" })).toHaveCount(0);
  await expect(viewer.getByTestId("milestone-chart")).toBeVisible();
  await Promise.all([ann.context.close(), bob.context.close(), guest.close()]);
});

test("a 5,000-task plan opens on the schedule page with every bar in view drawn", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const ann = await person(browser, "Ann Lee");
  await ann.app.createWorkspace("Big");
  const planId = await ann.app.createPlan("Five thousand tasks");
  const tasks: Seed[] = [];
  const deps: Dependency[] = [];
  for (let i = 0; i < 5000; i++) {
    const start = (i % 10) * 3 + (Math.floor(i / 10) % 20);
    tasks.push(task(`Step ${i + 1}`, day(start), day(start + 1)));
    if (i % 10) deps.push(link(tasks[i - 1]!, tasks[i]!));
  }
  await seed(ann.context, baseURL!, planId, tasks, deps);
  await openSchedule(ann.page, `/plans/${planId}/schedule`, 5000);

  /** Bars whose row is inside the scroll box: all displayed, with a size, none left hidden. */
  const inView = () =>
    ann.page.getByTestId("schedule").evaluate((schedule) => {
      const box = schedule.querySelector(":scope > div.overflow-y-auto")!.getBoundingClientRect();
      const svg = schedule.querySelector("svg.gantt")!.getBoundingClientRect();
      let seen = 0;
      let missing = 0;
      for (const g of schedule.querySelectorAll<SVGGElement>(".bar-wrapper")) {
        const bar = g.querySelector<SVGRectElement>(".bar")!;
        const y = Number(bar.getAttribute("y"));
        const top = svg.top + y;
        if (top < box.top || top > box.bottom - 10) continue;
        seen++;
        const r = bar.getBoundingClientRect();
        if (r.height === 0 || g.closest("[display=none]")) missing++;
      }
      return { seen, missing };
    });
  await expect.poll(inView).toMatchObject({ missing: 0 });
  expect((await inView()).seen).toBeGreaterThan(5);
  await ann.page
    .getByTestId("schedule")
    .locator(":scope > div.overflow-y-auto")
    .evaluate((box) => (box.scrollTop = box.scrollHeight / 2));
  await expect.poll(inView).toMatchObject({ missing: 0 });
  expect((await inView()).seen).toBeGreaterThan(5);
  await ann.context.close();
});
