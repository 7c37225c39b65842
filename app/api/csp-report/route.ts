/**
 * Content-Security-Policy violation reports from browsers: one short log line each, so a page that
 * breaks the policy shows up in the logs (and the e2e run fails on the console error).
 */
export async function POST(req: Request) {
  const text = (await req.text().catch(() => "")).slice(0, 4000);
  try {
    const body = JSON.parse(text) as { "csp-report"?: Record<string, unknown> };
    const r = body["csp-report"] ?? {};
    console.warn(`[csp] ${String(r["violated-directive"] ?? "?")} blocked ${String(r["blocked-uri"] ?? "?").slice(0, 200)} on ${String(r["document-uri"] ?? "?").split("?")[0]}`);
  } catch {
    // not a report: ignore
  }
  return new Response(null, { status: 204 });
}
