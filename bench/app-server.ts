/**
 * The browser benchmarks' server and teardown: the production build (NEXT_DIST_DIR) as `server.ts`
 * runs it, on a throwaway database, and everything closed again afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser } from "playwright-core";
import { closeDb } from "../db/index";
import { runMigrations } from "../db/migrate";
import { createTestDatabase } from "../db/test-database";
import { TEST_SECRET } from "../lib/testing/collab-harness";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the app on `base`'s port and resolves once /api/health answers (2 minutes at most). */
export async function startAppServer(base: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./lib/node/register.mjs", "server.ts"], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      PORT: new URL(base).port,
      AUTH_SECRET: TEST_SECRET,
      REDIS_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("The server exited; is there a production build (NEXT_DIST_DIR)?");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error("The server did not start in 2 minutes.");
}

export type BrowserBench = {
  browser: Browser;
  /** The app, once started with `start`. */
  server: ChildProcess | null;
  start: (base: string, env?: Record<string, string>) => Promise<void>;
  /** Closes the browser, stops the server and drops the benchmark's database. */
  close: () => Promise<void>;
};

/** A migrated throwaway database (DATABASE_URL points at it) and Debian's Chromium. */
export async function browserBench(): Promise<BrowserBench> {
  const db = await createTestDatabase("pw_bench");
  process.env.DATABASE_URL = db.url;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const bench: BrowserBench = {
    browser,
    server: null,
    async start(base, env = {}) {
      bench.server = await startAppServer(base, { DATABASE_URL: db.url, ...env });
    },
    async close() {
      await browser.close();
      bench.server?.kill("SIGTERM");
      await closeDb().catch(() => {});
      await sleep(500);
      await db.drop().catch(() => {});
    },
  };
  process.once("exit", () => bench.server?.kill("SIGKILL"));
  try {
    await runMigrations();
  } catch (err) {
    await bench.close();
    throw err;
  }
  return bench;
}

/** Runs a benchmark's main and exits: 0 when it finished, 1 (with the error) when it failed. */
export function runBench(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
