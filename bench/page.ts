/**
 * Server-rendered plan page throughput for a large plan (1,000 tasks, 300 risks, a 15-column RACI grid
 * over every task, letters on 100 rows), against the time of the SQL reads the page needs (`getPlanView`:
 * access check, projection, members; also shown: all the page's reads, with comments, announcements and
 * the approval state). An empty plan's page, less its own reads, shows what any plan page costs
 * whatever its size; the sign-in page (no reads) shows the framework's own floor. The last line adds
 * that fixed cost to the large plan's reads: the ratio the page would have if drawing were free.
 * Needs a production build: `NEXT_DIST_DIR=.next-x npx next build`, then
 *   NEXT_DIST_DIR=.next-x node --import tsx --import ./lib/node/register.mjs bench/page.ts
 * Skipped (exit 0) when no build is found. PAGE_REQUESTS sets the number of requests per phase; the
 * SQL and the pages are timed in turn, request by request. PAGE_ONLY=big|empty requests one page only
 * and PAGE_PROFILE=<dir> writes the server's CPU profile (for finding where a slow page goes).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { largePlan } from "./large-plan";
import { closeDb } from "../db/index";
import { runMigrations } from "../db/migrate";
import { createTestDatabase } from "../db/test-database";
import { appendUpdates } from "../lib/collab/persistence";
import { projectPlan } from "../lib/collab/projection";
import { freePort } from "../lib/collab/faults/throwaway";
import { getAnnouncements, getPlanComments } from "../lib/services/comments";
import { createPlan, getPlanView } from "../lib/services/plans";
import { getApprovalState } from "../lib/services/review";
import { signUp } from "../lib/services/users";
import { createWorkspace } from "../lib/services/workspaces";

const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const N = Number(process.env.PAGE_REQUESTS ?? 100);
const CONCURRENCY = Number(process.env.PAGE_CONCURRENCY ?? 4);
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "–");
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

if (!fs.existsSync(path.join(DIST, "BUILD_ID"))) {
  console.log(
    `bench/page: no production build in ${DIST}/ — build first (NEXT_DIST_DIR=${DIST} npx next build); skipped.`,
  );
  process.exit(0);
}

function startApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // PAGE_PROFILE=<dir> writes a CPU profile of the app server (for finding where a slow page goes).
  const profile = process.env.PAGE_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PAGE_PROFILE}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "--import", "./lib/node/register.mjs", "server.ts"],
    {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        NEXT_DIST_DIR: DIST,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (/ready at/.test(out)) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`app exited (${code}): ${out}`)));
  });
}

/** Scripted sign-in (next-auth credentials): csrf, then the callback; returns the cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return session;
}

async function timed(fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const db = await createTestDatabase("pw_bench");
  process.env.DATABASE_URL = db.url;
  let app: ChildProcess | undefined;
  try {
    await runMigrations();
    const email = `page-${randomUUID()}@example.com`;
    const password = "correct horse battery";
    const user = await signUp({ name: "Page Bench", email, password });
    const principal = { kind: "user" as const, userId: user.id };
    const ws = await createWorkspace(principal, { name: "Page bench" });
    const planId = (await createPlan(principal, ws.id, { title: "A large plan" })).id;
    const doc = largePlan(user.id);
    await appendUpdates([{ planId, data: Y.encodeStateAsUpdate(doc) }]);
    await projectPlan(planId, doc);

    // The SQL the page needs, in-process on the same database (pool warm after a few rounds).
    for (let i = 0; i < 5; i++) await getPlanView(principal, planId);
    // Every read the page makes, as the page makes them (all at once).
    const readsOf = (id: string) =>
      Promise.all([
        getPlanView(principal, id),
        getPlanComments(principal, id),
        getAnnouncements(principal, id),
        getApprovalState(principal, id),
      ]);
    const pageReads = () => readsOf(planId);
    const emptyPlanId = (await createPlan(principal, ws.id, { title: "An empty plan" })).id;

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    app = await startApp(port, {
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SIGNIN_ATTEMPTS_PER_ADDRESS: "100000",
    });
    const cookie = await signIn(base, email, password);
    let bytes = 0;
    const page = async () => {
      const res = await fetch(`${base}/plans/${planId}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`page answered ${res.status}`);
      if (!body.includes("Task 1000: integrate")) throw new Error("the page does not show the plan's tasks");
      bytes = body.length;
      if (process.env.PAGE_DUMP) fs.writeFileSync(process.env.PAGE_DUMP, body);
    };
    for (let i = 0; i < 5; i++) await page();
    const load0 = os.loadavg();
    // The SQL, the page's reads, an empty plan's page and the page are timed in turn, request by
    // request, so that each ratio compares the same moments of a machine whose speed varies.
    // The empty plan's page shows what the framework, sign-in and the page's reads cost on their own.
    const emptyPage = async () => {
      const res = await fetch(`${base}/plans/${emptyPlanId}`, { headers: { cookie } });
      const body = await res.text();
      if (process.env.PAGE_DUMP) fs.writeFileSync(`${process.env.PAGE_DUMP}.empty.html`, body);
      if (res.status !== 200) throw new Error(`empty plan page answered ${res.status}`);
    };
    // The floor: a page with no reads at all (sign-in), and the reads an empty plan's page makes.
    const signinPage = async () => {
      const res = await fetch(`${base}/signin`);
      await res.text();
      if (res.status !== 200) throw new Error(`sign-in page answered ${res.status}`);
    };
    const emptyReads = () => readsOf(emptyPlanId);
    for (let i = 0; i < 5; i++) await Promise.all([signinPage(), emptyReads()]);
    const sql: number[] = [];
    const reads: number[] = [];
    const signin: number[] = [];
    const emptyRead: number[] = [];
    const empty: number[] = [];
    const seq: number[] = [];
    let seqSeconds = 0;
    // PAGE_ONLY=big|empty: only that page, 3 × PAGE_REQUESTS times (with PAGE_PROFILE, a profile of it alone).
    if (process.env.PAGE_ONLY) {
      const one = process.env.PAGE_ONLY === "empty" ? emptyPage : page;
      const t = performance.now();
      for (let i = 0; i < N * 3; i++) await one();
      console.log(`${process.env.PAGE_ONLY} plan's page: ${f((performance.now() - t) / (N * 3))} ms per request`);
      return;
    }
    for (let i = 0; i < N; i++) {
      sql.push(await timed(() => getPlanView(principal, planId)));
      reads.push(await timed(pageReads));
      signin.push(await timed(signinPage));
      emptyRead.push(await timed(emptyReads));
      empty.push(await timed(emptyPage));
      const t = await timed(page);
      seq.push(t);
      seqSeconds += t / 1000;
    }
    const conc: number[] = [];
    let left = N * 2;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (left-- > 0) conc.push(await timed(page));
      }),
    );
    const concSeconds = (performance.now() - t1) / 1000;
    const load1 = os.loadavg();

    const sqlP50 = pct(sql, 50);
    const ratio = pct(seq, 50) / sqlP50;
    console.log(
      `Plan page — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}, ${os.cpus().length} cores; load average ${load0.map((x) => f(x, 2)).join(" / ")} before, ${load1.map((x) => f(x, 2)).join(" / ")} after`,
    );
    console.log("");
    console.log("| measure | requests | req/s | p50 ms | p99 ms |");
    console.log("|---|---|---|---|---|");
    console.log(
      `| getPlanView's SQL, in-process | ${N} | ${f(1000 / (sql.reduce((s, x) => s + x, 0) / N))} | ${f(sqlP50)} | ${f(pct(sql, 99))} |`,
    );
    console.log(
      `| all the page's reads, in-process | ${N} | ${f(1000 / (reads.reduce((s, x) => s + x, 0) / N))} | ${f(pct(reads, 50))} | ${f(pct(reads, 99))} |`,
    );
    console.log(
      `| sign-in page (no reads), sequential | ${N} | ${f(1000 / (signin.reduce((s, x) => s + x, 0) / N))} | ${f(pct(signin, 50))} | ${f(pct(signin, 99))} |`,
    );
    console.log(
      `| an empty plan's reads, in-process | ${N} | ${f(1000 / (emptyRead.reduce((s, x) => s + x, 0) / N))} | ${f(pct(emptyRead, 50))} | ${f(pct(emptyRead, 99))} |`,
    );
    console.log(
      `| empty plan's page, sequential | ${N} | ${f(1000 / (empty.reduce((s, x) => s + x, 0) / N))} | ${f(pct(empty, 50))} | ${f(pct(empty, 99))} |`,
    );
    console.log(`| page, sequential | ${N} | ${f(N / seqSeconds)} | ${f(pct(seq, 50))} | ${f(pct(seq, 99))} |`);
    console.log(
      `| page, ${CONCURRENCY} concurrent | ${N * 2} | ${f((N * 2) / concSeconds)} | ${f(pct(conc, 50))} | ${f(pct(conc, 99))} |`,
    );
    console.log("");
    console.log(
      `Page HTML ${f(bytes / 1024)} KiB. Page p50 ÷ SQL p50: ${f(ratio, 2)}× (target ≤ 3×) — ${ratio <= 3 ? "met" : "not met"}; ÷ all the page's reads: ${f(pct(seq, 50) / pct(reads, 50), 2)}×.`,
    );
    // What any plan page costs beyond its reads (the empty plan's page less its reads), added to the
    // large plan's reads: the ratio the page would have if drawing the large plan's content were free.
    const fixed = pct(empty, 50) - pct(emptyRead, 50);
    console.log(
      `Floor: an empty plan's page costs ${f(fixed)} ms beyond its reads (the sign-in page, with none: ${f(pct(signin, 50))} ms). ` +
        `With the large plan's reads (${f(pct(reads, 50))} ms) and nothing else, the page would take ${f(fixed + pct(reads, 50))} ms: ` +
        `${f((fixed + pct(reads, 50)) / sqlP50, 2)}× the SQL. Drawing the large plan's content costs ${f(pct(seq, 50) - fixed - pct(reads, 50))} ms.`,
    );
  } finally {
    app?.kill("SIGTERM");
    // A CPU profile is written when the server exits: give it time.
    await new Promise((r) => setTimeout(r, process.env.PAGE_PROFILE ? 5000 : 500));
    app?.kill("SIGKILL");
    await closeDb();
    await db.drop().catch(() => {});
  }
}

await main();
process.exit(0);
