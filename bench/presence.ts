/**
 * What another person's presence costs a browser watching the plan: two signed-in Chromium contexts
 * on the large plan (1,000 tasks, 300 risks, the RACI grid; bench/large-plan.ts). B moves through 40
 * cells of the RACI grid, then of the risk register, one every 150 ms, and each move tells everyone
 * where B is; A only watches. Printed: A's main-thread script and task time over those moves
 * (Chromium's own counters), per move.
 *   npm run bench:presence     (needs a production build: NEXT_DIST_DIR selects which; PostgreSQL)
 *   BENCH_PRESENCE_PROFILE=<dir>  CPU profiles of the watching page over the first round of each grid
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import * as Y from "yjs";
import { browserBench, runBench } from "./app-server";
import { largePlan } from "./large-plan";
import { freePort } from "../lib/collab/faults/throwaway";
import { appendUpdates } from "../lib/collab/persistence";
import { projectPlan } from "../lib/collab/projection";
import { twoEditors } from "../lib/testing/collab-harness";

const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const MOVES = 40;
const ROUNDS = Number(process.env.BENCH_PRESENCE_ROUNDS ?? 3);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openLive(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("pw-collab-ready").length > 0, undefined, {
    timeout: 120_000,
    polling: 100,
  });
}

async function main() {
  if (!fs.existsSync(path.join(DIST, "BUILD_ID"))) {
    console.log(
      `bench/presence: no production build in ${DIST}/ — build first (NEXT_DIST_DIR=${DIST} npx next build); skipped.`,
    );
    return;
  }
  const bench = await browserBench();
  const { browser } = bench;
  try {
    // Ann owns the plan, Bob is a member: two people, so each sees the other's presence.
    const { owner, planId, cookieA, cookieB } = await twoEditors("Presence bench");
    const doc = largePlan(owner.userId);
    await appendUpdates([{ planId, data: Y.encodeStateAsUpdate(doc) }]);
    await projectPlan(planId, doc);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await bench.start(base, { HOSTNAME: "127.0.0.1" });
    const context = async (cookie: string) => {
      const [name, ...value] = cookie.split("=");
      const c = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await c.addCookies([{ name: name!, value: value.join("="), url: base }]);
      return c.newPage();
    };
    const a = await context(cookieA);
    const b = await context(cookieB);
    await openLive(a, `${base}/plans/${planId}`);
    await openLive(b, `${base}/plans/${planId}`);
    await b.locator("#raci").scrollIntoViewIfNeeded();
    const cdp = await a.context().newCDPSession(a);
    await cdp.send("Performance.enable");
    const metrics = async () => {
      const { metrics: m } = (await cdp.send("Performance.getMetrics")) as {
        metrics: { name: string; value: number }[];
      };
      const get = (n: string) => m.find((x) => x.name === n)?.value ?? NaN;
      return {
        script: get("ScriptDuration") * 1000,
        task: get("TaskDuration") * 1000,
        layout: get("LayoutDuration") * 1000,
        style: get("RecalcStyleDuration") * 1000,
      };
    };
    const f = (n: number) => n.toFixed(2);
    console.log(
      `Presence — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Chromium headless, load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" / ")}`,
    );
    console.log(
      `The watching browser's main thread per presence move (${MOVES} moves × ${ROUNDS} rounds), by the grid B moves in:`,
    );
    // Cells 0–24 of each grid (the rows the server draws, so present whatever the window), column by column.
    // "none": B stays put for as long as the moves take (what the watching page costs anyway).
    for (const [grid, columns] of [
      ["none", 0],
      ["raci", 15],
      ["risks", 10],
    ] as const) {
      if (grid !== "none") await b.locator(`#${grid}`).scrollIntoViewIfNeeded();
      const perMove: { script: number; task: number; layout: number; style: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await sleep(1000);
        const profile = process.env.BENCH_PRESENCE_PROFILE && round === 0 && grid !== "none";
        if (profile) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.start");
        }
        const before = await metrics();
        for (let i = 0; i < MOVES; i++) {
          if (grid !== "none")
            await b.locator(`#${grid} [data-cell="${(round * MOVES + i) % 25}:${i % columns}"]`).click();
          await sleep(150);
        }
        await sleep(1000);
        const after = await metrics();
        if (profile) {
          const { profile: data } = (await cdp.send("Profiler.stop")) as { profile: unknown };
          fs.mkdirSync(process.env.BENCH_PRESENCE_PROFILE!, { recursive: true });
          fs.writeFileSync(
            path.join(process.env.BENCH_PRESENCE_PROFILE!, `watcher-${grid}.cpuprofile`),
            JSON.stringify(data),
          );
        }
        perMove.push({
          script: (after.script - before.script) / MOVES,
          task: (after.task - before.task) / MOVES,
          layout: (after.layout - before.layout) / MOVES,
          style: (after.style - before.style) / MOVES,
        });
      }
      // The moves arrived: A shows B in exactly the cell B is in now.
      const shown = grid === "none" ? 1 : await a.locator(`#${grid} [data-peers]`).count();
      if (shown !== 1) throw new Error(`A should see B in one ${grid} cell, sees ${shown}`);
      const list = (k: keyof (typeof perMove)[number]) => perMove.map((p) => f(p[k])).join(" · ");
      console.log(
        `- ${{ none: "no move (the same time, B still)", raci: "RACI grid", risks: "risk register" }[grid]}: script ${list("script")} ms, style ${list("style")} ms, layout ${list("layout")} ms; all main-thread tasks ${list("task")} ms`,
      );
      await b.keyboard.press("Escape");
    }
  } finally {
    await bench.close();
  }
}

runBench(main);
