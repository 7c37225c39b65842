/**
 * Content-Security-Policy violation reports from browsers: one short log line each, so a page that
 * breaks the policy shows up in the logs. With CSP_REPORTS_EXPOSED=1 (the e2e server only) the reports
 * are also kept in memory and listed by GET, so the test run can fail on any violation.
 */
import { setting } from "@/lib/env";

const exposed = () => setting("CSP_REPORTS_EXPOSED");
const kept: string[] = [];

export async function POST(req: Request) {
  const text = (await req.text().catch(() => "")).slice(0, 4000);
  try {
    const body = JSON.parse(text) as { "csp-report"?: Record<string, unknown> };
    const r = body["csp-report"] ?? {};
    const line = `[csp] ${String(r["violated-directive"] ?? "?")} blocked ${String(r["blocked-uri"] ?? "?").slice(0, 200)} on ${String(r["document-uri"] ?? "?").split("?")[0]}`;
    console.warn(line);
    if (exposed() && kept.length < 100) kept.push(line);
  } catch {
    // not a report: ignore
  }
  return new Response(null, { status: 204 });
}

export async function GET() {
  if (!exposed()) return new Response(null, { status: 404 });
  return Response.json({ reports: kept }, { headers: { "Cache-Control": "no-store" } });
}
