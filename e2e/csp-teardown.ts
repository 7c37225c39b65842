/**
 * Playwright global teardown: the app's own pages must satisfy its Content Security Policy, so any
 * violation a browser reported during the run (kept by the e2e server, see e2e/serve.ts) fails it.
 * Runs before the web server stops.
 */
export default async function cspTeardown() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  // Reports are sent asynchronously by the browser; give the last ones a moment to land.
  await new Promise((r) => setTimeout(r, 500));
  const res = await fetch(`http://localhost:${port}/api/csp-report`).catch(() => null);
  if (!res?.ok)
    throw new Error(`Could not read the CSP violation reports from the e2e server (${res?.status ?? "no answer"}).`);
  const { reports } = (await res.json()) as { reports: string[] };
  if (reports.length > 0)
    throw new Error(`Pages reported ${reports.length} Content-Security-Policy violation(s):\n${reports.join("\n")}`);
}
