/**
 * Gantt benchmark: the real server and Chromium on plans of 1,000, 5,000 and 10,000 tasks with links,
 * on the schedule page (the timeline across the window).
 *   npm run bench:gantt     (needs a production build: NEXT_DIST_DIR selects which; PostgreSQL)
 * Measures, per size: time from navigation to every bar drawn, frappe-gantt's own drawing time,
 * the time a drag by one person takes to show on a second person's timeline (p50/p95 of 15), and the
 * frames dropped while dragging a bar for about one second (requestAnimationFrame counting), and the
 * longest frame while scrolling the chart from top to bottom, the time one person's indent of a summary
 * of 200 tasks takes to show on the other's grid, and the longest frame of a change of scale (Week →
 * Month). The first render is also split into its phases (server HTML, hydration, chart drawn, live
 * document ready).
 *   BENCH_GANTT_PAGE=plan           the plan page's Schedule section instead of the schedule page
 *   BENCH_GANTT_SIZES=1000          only some sizes
 *   BENCH_GANTT_PROFILE=/tmp/prof   CPU profiles of the measured load, the remote side of the drags and
 *                                   the local drag (.cpuprofile, for DevTools)
 *   BENCH_GANTT_TRACE=1             with BENCH_GANTT_PROFILE: timeline traces instead (style, layout,
 *                                   paint and layerizing included)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import * as Y from "yjs";
import { browserBench, runBench } from "./app-server";
import { getDb } from "../db/index";
import { collabUpdates } from "../db/schema";
import { projectPlan } from "../lib/collab/projection";
import { sessionCookie } from "../lib/testing/collab-harness";
import { emptyDocContent, writeDocContent } from "../lib/doc";
import { addWorkingDays } from "../lib/plan/calendar";
import { dateInTimeZone } from "../lib/plan/dates";
import { defaultCalendar, type Dependency, type Task } from "../lib/plan/types";
import { createPlan } from "../lib/services/plans";
import { signUp } from "../lib/services/users";
import { createWorkspace } from "../lib/services/workspaces";

const PORT = Number(process.env.BENCH_GANTT_PORT ?? 3291);
const BASE = `http://localhost:${PORT}`;
const SIZES = (process.env.BENCH_GANTT_SIZES ?? "1000,5000,10000").split(",").map(Number);
const PAGE = process.env.BENCH_GANTT_PAGE === "plan" ? "" : "/schedule";
const DRAGS = 15;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Children of the summary row "Phase" (the second row): the indent measured moves all of them. */
const CHILDREN = 200;

/**
 * Chains of ten finish-to-start links, each task three working days, starting around today. The
 * second row is a summary, "Phase", over the next CHILDREN tasks (links to and from it left out).
 */
function schedule(n: number, today: string): { tasks: Task[]; dependencies: Dependency[] } {
  const tasks: Task[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 0; i < n; i++) {
    const start = addWorkingDays(today, (i % 10) * 4 + (Math.floor(i / 10) % 20), defaultCalendar);
    tasks.push({
      id: randomUUID(),
      name: i === 1 ? "Phase" : `Task ${i + 1}`,
      start,
      end: addWorkingDays(start, 2, defaultCalendar),
      progress: (i * 7) % 100,
      kind: "task",
      parentId: i >= 2 && i < 2 + CHILDREN ? tasks[1]!.id : null,
      deliverableId: null,
      assigneeId: null,
      priority: "medium",
      order: i + 1,
    });
    if (i % 10 !== 0 && i !== 1 && i !== 2)
      dependencies.push({ id: randomUUID(), from: tasks[i - 1]!.id, to: tasks[i]!.id, type: "FS", lag: 0 });
  }
  return { tasks, dependencies };
}

type Load = { total: number; draw: number; html: number; hydrated: number; ready: number; chart: number };

async function openPlan(page: Page, planId: string, n: number): Promise<Load> {
  await page.goto(`${BASE}/plans/${planId}${PAGE}`, { waitUntil: "commit" });
  await page.waitForFunction((count) => document.querySelectorAll(".pw-gantt .bar-wrapper").length >= count, n, {
    timeout: 120_000,
    polling: 50,
  });
  const total = await page.evaluate(() => performance.now());
  // The chart is drawn from the server's copy of the plan; editing waits for the live document.
  await page.waitForFunction(() => performance.getEntriesByName("pw-collab-ready").length > 0, undefined, {
    timeout: 120_000,
    polling: 50,
  });
  // The phases of the first render, as times since navigation: the server's HTML fully received, the
  // page hydrated (the live client created), the chart first drawn, the live document ready.
  return page.evaluate(`(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const draw = performance.getEntriesByName("pw-gantt-draw")[0];
    return {
      total: ${total},
      draw: performance.getEntriesByName("pw-gantt-draw").at(-1)?.duration ?? NaN,
      html: performance.getEntriesByType("navigation")[0]?.responseEnd ?? NaN,
      hydrated: at("pw-hydrated"),
      ready: at("pw-collab-ready"),
      chart: draw ? draw.startTime + draw.duration : NaN,
    };
  })()`) as Promise<Load>;
}

/** Frame lengths (ms) while `fn` runs, counted with requestAnimationFrame. */
async function frames(page: Page, fn: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const loop = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await fn();
  const at = (await page.evaluate(`(() => { window.__stop = true; return window.__frames; })()`)) as number[];
  return at.slice(1).map((t, i) => t - at[i]!);
}

/** The chart scrolled from top to bottom in steps of a screen's third, one step a frame or so. */
async function scrollThrough(page: Page): Promise<number[]> {
  const box = page.locator('[data-testid="schedule"] > div.overflow-y-auto');
  const height = await box.evaluate((el) => el.scrollHeight);
  return frames(page, async () => {
    for (let y = 0; y < height; y += 300) {
      await box.evaluate((el, top) => (el.scrollTop = top), y);
      await sleep(16);
    }
  });
}

/**
 * One person indents "Phase" (a summary of CHILDREN tasks) with Tab on its row handle; the time until
 * the other person's grid numbers it 1.1, on the shared wall clock.
 */
async function indentSeen(a: Page, b: Page): Promise<number> {
  for (const page of [a, b])
    await page.locator('[data-testid="schedule"] > div.overflow-y-auto').evaluate((el) => (el.scrollTop = 0));
  const label = '[aria-label="Work breakdown number of Phase"]';
  await b.waitForSelector(label);
  const seen = b.evaluate(`new Promise((resolve) => {
    const tick = () => {
      if (document.querySelector(${JSON.stringify(label)})?.textContent === "1.1") resolve(performance.timeOrigin + performance.now());
      else requestAnimationFrame(tick);
    };
    tick();
  })`) as Promise<number>;
  await a.getByRole("button", { name: "Move Phase", exact: true }).focus();
  const t0 = await a.evaluate(() => performance.timeOrigin + performance.now());
  await a.keyboard.press("Tab");
  return (await seen) - t0;
}

/** BENCH_GANTT_PROFILE=<folder>: Chromium CPU profiles (open in DevTools) of a page while \`fn\` runs. */
async function profiled<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_GANTT_PROFILE;
  if (!dir) return fn();
  if (process.env.BENCH_GANTT_TRACE) {
    // A timeline trace instead (style, layout and paint included): open in DevTools' Performance panel.
    mkdirSync(dir, { recursive: true });
    const browser = page.context().browser()!;
    await browser.startTracing(page, {
      path: `${dir}/${name}.trace.json`,
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"],
    });
    try {
      return await fn();
    } finally {
      await browser.stopTracing();
    }
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await cdp.send("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  }
}

async function main() {
  const bench = await browserBench();
  const { browser } = bench;
  try {
    const user = await signUp({
      name: "Bench",
      email: `bench-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    const who = { kind: "user" as const, userId: user.id };
    const ws = await createWorkspace(who, { name: "Gantt bench" });
    const today = dateInTimeZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    const plans: { n: number; links: number; id: string; firstTask: string }[] = [];
    for (const n of SIZES) {
      const plan = await createPlan(who, ws.id, { title: `Gantt ${n}` });
      const doc = new Y.Doc();
      const { tasks, dependencies } = schedule(n, today);
      writeDocContent(doc, { ...emptyDocContent(), tasks, dependencies });
      const dbh = await getDb();
      await dbh.insert(collabUpdates).values({ planId: plan.id, data: Y.encodeStateAsUpdate(doc) });
      await projectPlan(plan.id, doc, dbh);
      plans.push({ n, links: dependencies.length, id: plan.id, firstTask: tasks[0]!.id });
    }
    await bench.start(BASE);
    const cookie = (await sessionCookie(user.id)).split("=");
    const context = async () => {
      const c = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await c.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join("="), url: BASE }]);
      return c.newPage();
    };

    const out: string[] = [];
    const phases: string[] = [];
    const log = (s: string) => {
      console.log(s);
      out.push(s);
    };
    log(`Gantt benchmark — ${new Date().toISOString().slice(0, 10)}, Chromium headless, Node ${process.version}`);
    log("");
    log(
      "| tasks (links) | first render: navigation → all bars, ms | chart drawing, ms | remote drag visible p50 / p95, ms | frames dropped while dragging 1 s (longest frame, ms) | scrolling top to bottom: frames over 50 ms (longest, ms) | indent of a summary with 200 children, seen by the other, ms | Week → Month view, longest frame, ms |",
    );
    log("|---|---|---|---|---|---|---|---|");
    for (const p of plans) {
      const a = await context();
      const b = await context();
      // Warm-up load (compiles and caches the page's code), then the measured one.
      await openPlan(a, p.id, p.n);
      const first = await profiled(a, `load-${p.n}`, () => openPlan(a, p.id, p.n));
      await openPlan(b, p.id, p.n);
      phases.push(
        `| ${p.n} | ${first.html.toFixed(0)} | ${first.hydrated.toFixed(0)} | ${first.chart.toFixed(0)} | ${first.total.toFixed(0)} | ${first.ready.toFixed(0)} |`,
      );
      // Drags in the Week view the page opens in (about 20 px a day).

      const sel = `.pw-gantt .bar-wrapper[data-id="${p.firstTask}"] .bar`;
      const latencies: number[] = [];
      await profiled(b, `remote-drags-${p.n}`, async () => {
        for (let i = 0; i < DRAGS; i++) {
          const box = (await a.locator(sel).boundingBox())!;
          const before = await b.locator(sel).getAttribute("x");
          // B notes the moment its bar moves, on the shared wall clock.
          // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
          const seen = b.evaluate(`new Promise((resolve) => {
            const tick = () => {
              const el = document.querySelector(${JSON.stringify(sel)});
              if (el && el.getAttribute("x") !== ${JSON.stringify(before)}) resolve(performance.timeOrigin + performance.now());
              else requestAnimationFrame(tick);
            };
            tick();
          })`) as Promise<number>;
          seen.catch(() => {});
          const dx = (i % 2 === 0 ? 1 : -1) * 47;
          await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await a.mouse.down();
          await a.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2);
          await a.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2);
          const t0 = await a.evaluate(() => performance.timeOrigin + performance.now());
          await a.mouse.up();
          latencies.push((await seen) - t0);
          await sleep(150);
        }
      });

      // Frames while dragging a bar back and forth for about a second.
      const box = (await a.locator(sel).boundingBox())!;
      await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await a.mouse.down();
      const lengths = await frames(a, () =>
        profiled(a, `drag-${p.n}`, async () => {
          const started = Date.now();
          for (let i = 0; Date.now() - started < 1000; i++) {
            await a.mouse.move(box.x + box.width / 2 + 120 * Math.sin(i / 6), box.y + box.height / 2);
            await sleep(8);
          }
        }),
      );
      await a.mouse.up();
      await sleep(500);
      const scrolled = await scrollThrough(a);
      let dropped = 0;
      let longest = 0;
      for (const d of lengths) {
        longest = Math.max(longest, d);
        dropped += Math.max(0, Math.round(d / (1000 / 60)) - 1);
      }
      const slow = scrolled.filter((d) => d > 50).length;
      const indent = await indentSeen(a, b);
      // A change of scale redraws every bar and arrow: its cost is the longest frame around the click.
      const switched = await frames(a, async () => {
        await a.getByRole("button", { name: "Month", exact: true }).click({ timeout: 120_000 });
        await sleep(1000);
      });
      log(
        `| ${p.n} (${p.links}) | ${first.total.toFixed(0)} | ${first.draw.toFixed(0)} | ${pct(latencies, 50).toFixed(0)} / ${pct(latencies, 95).toFixed(0)} | ${dropped} of ${lengths.length + 1 + dropped} (${longest.toFixed(0)}) | ${slow} of ${scrolled.length} (${Math.max(...scrolled).toFixed(0)}) | ${indent.toFixed(0)} | ${Math.max(...switched).toFixed(0)} |`,
      );
      await a.context().close();
      await b.context().close();
    }
    log("");
    log("First render by phase (ms since navigation, measured load above):");
    log("");
    log("| tasks | server HTML received | hydrated | chart drawn | all bars | live document ready (editable) |");
    log("|---|---|---|---|---|---|");
    for (const l of phases) log(l);
    log("");
  } finally {
    await bench.close();
  }
}

runBench(main);
