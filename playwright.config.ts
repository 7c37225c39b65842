import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs } from "./lib/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${PORT}`;

/** Debian's Chromium; Playwright does not download browsers here. */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Fails the run when any page reported a Content-Security-Policy violation.
  globalTeardown: "./e2e/csp-teardown.ts",
  // Generous: two browsers per test on a 2-core machine that is also building and serving.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } } },
  ],
  webServer: {
    command: "node --import tsx --import ./lib/node/register.mjs e2e/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { NODE_ENV: "production", PORT: String(PORT) },
  },
});
