import "server-only";
import { randomBytes } from "node:crypto";
import { getPlanContent } from "@/db/queries/plan-content";
import { listMembers } from "@/db/queries/workspaces";
import { requirePlan, type Principal } from "@/lib/access";
import { setting } from "@/lib/env";
import { planToMarkdown } from "@/lib/export/markdown";
import { buildExportModel, type ExportModel } from "@/lib/export/model";
import { dateInTimeZone } from "@/lib/plan/dates";
import { renderPdf } from "./pdf-renderer";

/** The assembled plan (print view, Markdown, PDF), for anyone who may read it. */
export async function getPlanExport(
  principal: Principal | null,
  planId: string,
): Promise<{ model: ExportModel; planId: string; updatedAt: Date }> {
  const { plan, workspaceName } = await requirePlan(principal, planId, "export");
  const [content, members] = await Promise.all([getPlanContent(planId), listMembers(plan.workspaceId)]);
  const people = members.map((m) => ({ id: m.userId, name: m.name }));
  const model = buildExportModel({
    plan: {
      title: plan.title,
      status: plan.status,
      ownerName: people.find((p) => p.id === plan.ownerId)?.name ?? null,
      summary: plan.summary,
      workspaceName,
    },
    content,
    members: people,
    today: dateInTimeZone(new Date(), "UTC"),
  });
  return { model, planId: plan.id, updatedAt: plan.updatedAt };
}

export async function exportPlanMarkdown(principal: Principal | null, planId: string) {
  const { model } = await getPlanExport(principal, planId);
  return { title: model.plan.title, markdown: planToMarkdown(model) };
}

// ── PDF: headless Chromium prints this server's own print page ──
// The print page runs as the caller: the route hands Chromium a one-time ticket (never the caller's
// cookie or token), which the page exchanges for the caller's principal. Tickets live in this process
// (Chromium talks to this same instance over loopback), for one plan, for one minute.

type Ticket = { principal: Principal; planId: string; expires: number };
const TICKET_TTL_MS = 60_000;
const tickets: Map<string, Ticket> = ((
  globalThis as { __planwrightPrintTickets?: Map<string, Ticket> }
).__planwrightPrintTickets ??= new Map());
export const PRINT_TICKET_HEADER = "x-planwright-print-ticket";

function issueTicket(principal: Principal, planId: string): string {
  const now = Date.now();
  for (const [k, t] of tickets) if (t.expires < now) tickets.delete(k);
  const ticket = randomBytes(24).toString("base64url");
  tickets.set(ticket, { principal, planId, expires: now + TICKET_TTL_MS });
  return ticket;
}

/** The principal a print ticket stands for, once; null when unknown, expired or for another plan. */
export function redeemPrintTicket(ticket: string | null, planId: string): Principal | null {
  if (!ticket) return null;
  const t = tickets.get(ticket);
  tickets.delete(ticket);
  if (!t || t.expires < Date.now() || t.planId !== planId) return null;
  return t.principal;
}

/** The plan as a PDF: exactly the print page, printed by Chromium. */
export async function exportPlanPdf(principal: Principal | null, planId: string, origin: string) {
  const { plan } = await requirePlan(principal, planId, "export");
  const ticket = issueTicket(principal!, plan.id);
  try {
    const pdf = await renderPdf(`${origin}/plans/${plan.id}/print`, { [PRINT_TICKET_HEADER]: ticket });
    return { title: plan.title, pdf };
  } finally {
    tickets.delete(ticket);
  }
}

/** A filename made of the title's safe characters. */
export function exportFilename(title: string, ext: string): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 80) || "plan";
  return `${base}.${ext}`;
}

/** This instance as seen from its own machine: Chromium reaches the print page over loopback. */
export function internalOrigin(): string {
  const host = setting("HOSTNAME");
  const local = host === "0.0.0.0" || host === "::" || host === "localhost";
  return `http://${local ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host}:${setting("PORT")}`;
}
