import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { useTestDatabase } from "@/db/testing";
import { GET as getXml } from "@/app/api/v1/plans/[id]/schedule.xml/route";
import { GET as getXlsx } from "@/app/api/v1/plans/[id]/schedule.xlsx/route";
import type { UserPrincipal } from "@/lib/access";
import { editPlanDocument } from "@/lib/collab/server-edit";
import { blankRow, insertRow, randomUUID, setSetting } from "@/lib/doc";
import { makeTask } from "@/lib/plan/fixtures";
import { createPlan } from "./plans";
import { setPlanRole } from "./sharing";
import { createApiToken } from "./tokens";
import { signUp } from "./users";
import { createWorkspace, inviteMember } from "./workspaces";

// The routes are called with an API token; the session lookup (next-auth) is never reached.
vi.mock("@/lib/auth", () => ({ getPrincipal: async () => null }));

useTestDatabase();

let n = 0;
async function user(name: string): Promise<UserPrincipal & { email: string }> {
  const email = `${name.toLowerCase()}${++n}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, email };
}

async function call(route: typeof getXml, planId: string, who: UserPrincipal) {
  const { token } = await createApiToken(who, { name: "exports" });
  const req = new NextRequest(`http://localhost/api/v1/plans/${planId}/schedule`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return route(req, { params: Promise.resolve({ id: planId }) });
}

describe("schedule.xml and schedule.xlsx (real PostgreSQL)", () => {
  it("lets a viewer export both, and answers 404 to an outsider", async () => {
    const owner = await user("Olga");
    const viewer = await user("Vera");
    const outsider = await user("Mallory");
    const ws = await createWorkspace(owner, { name: "Team" });
    await inviteMember(owner, ws.id, { email: viewer.email, role: "member" });
    const plan = await createPlan(owner, ws.id, { title: "Roll-out" });
    await setPlanRole(owner, plan.id, viewer.userId, { role: "viewer" });
    await editPlanDocument(plan.id, (doc) => {
      insertRow(
        doc,
        "tasks",
        makeTask({ id: randomUUID(), name: "=Build", start: "2026-03-02", end: "2026-03-06", order: 1 }),
      );
      insertRow(doc, "budgetLines", {
        id: randomUUID(),
        category: "Licences",
        description: "CRM seats",
        planned: 1200,
        actual: 300,
        currency: "EUR",
        order: 1,
      });
    });

    const xml = await call(getXml, plan.id, viewer);
    expect(xml.status).toBe(200);
    expect(xml.headers.get("content-type")).toMatch(/application\/xml/);
    expect(xml.headers.get("content-disposition")).toContain("Roll-out.xml");
    const text = await xml.text();
    expect(text).toContain("<Name>=Build</Name>");
    expect(text).toContain("<Duration>PT40H0M0S</Duration>");

    const xlsx = await call(getXlsx, plan.id, viewer);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(["Schedule", "Risks", "RACI", "Budget"]);
    expect(wb.getWorksheet("Schedule")!.getCell("B2").value).toBe("=Build");
    expect(wb.getWorksheet("Schedule")!.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(wb.getWorksheet("Budget")!.getRow(2).values).toEqual([
      undefined,
      "Licences",
      "CRM seats",
      1200,
      300,
      -900,
      "EUR",
    ]);

    for (const route of [getXml, getXlsx]) {
      const res = await call(route, plan.id, outsider);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Roll-out");
    }
  });
});

describe("schedule.xlsx capacity sheets (real PostgreSQL)", () => {
  it("carries each person's availability and absences, the budget ceiling and the resource requests", async () => {
    const owner = await user("Olga");
    const ws = await createWorkspace(owner, { name: "Team" });
    const plan = await createPlan(owner, ws.id, { title: "Roll-out" });
    await editPlanDocument(plan.id, (doc) => {
      insertRow(doc, "resources", {
        ...blankRow("resources", randomUUID()),
        name: "Kim Contractor",
        role: "Tester",
        allocation: 50,
        capacityHoursPerWeek: 30,
        absences: [
          { start: "2026-03-09", end: "2026-03-13", note: "Leave" },
          { start: "2026-03-20", end: "2026-03-20", note: "" },
        ],
      });
      insertRow(doc, "resources", { ...blankRow("resources", randomUUID()), kind: "tool", name: "Figma" });
      for (const [planned, actual, currency] of [
        [1200, 300, "EUR"],
        [500, 500, "USD"],
      ] as const)
        insertRow(doc, "budgetLines", {
          id: randomUUID(),
          category: "Licences",
          description: "Seats",
          planned,
          actual,
          currency,
          order: planned,
        });
      setSetting(doc, "budgetCeiling", 1000);
      insertRow(doc, "resourceRequests", {
        id: randomUUID(),
        what: '=HYPERLINK("http://evil.example")',
        why: "Testing overlaps the release",
        estimatedCost: 4500.5,
        status: "requested",
        order: 1,
      });
    });

    const xlsx = await call(getXlsx, plan.id, owner);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Schedule",
      "Risks",
      "RACI",
      "Budget",
      "Availability",
      "Absences",
      "Budget ceiling",
      "Resource requests",
    ]);
    const values = (sheet: string) =>
      wb
        .getWorksheet(sheet)!
        .getRows(1, wb.getWorksheet(sheet)!.rowCount)!
        .map((r) => (r.values as unknown[]).slice(1));
    // People only, with their hours as numbers.
    expect(values("Availability")).toEqual([
      ["Name", "Role", "Hours a week", "Allocation", "Hours a week for this plan", "Away"],
      ["Kim Contractor", "Tester", 30, 50, 15, "2026-03-09 – 2026-03-13 (Leave); 2026-03-20"],
    ]);
    // One row per absence, dates as date cells.
    expect(values("Absences")).toEqual([
      ["Name", "Start", "End", "Note"],
      ["Kim Contractor", new Date("2026-03-09T00:00:00Z"), new Date("2026-03-13T00:00:00Z"), "Leave"],
      ["Kim Contractor", new Date("2026-03-20T00:00:00Z"), new Date("2026-03-20T00:00:00Z")],
    ]);
    // The ceiling counts the EUR lines only: 1,200 planned is over the 1,000 ceiling.
    expect(values("Budget ceiling")).toEqual([
      ["Currency", "Ceiling", "Planned", "Actual", "Headroom", "Check"],
      ["EUR", 1000, 1200, 300, -200, "The planned cost is over the ceiling."],
    ]);
    expect(values("Resource requests")).toEqual([
      ["What", "Why", "Estimated cost", "Currency", "Status"],
      ['=HYPERLINK("http://evil.example")', "Testing overlaps the release", 4500.5, "EUR", "Requested"],
    ]);
    // A request named like a formula stays text.
    expect(wb.getWorksheet("Resource requests")!.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  });

  it("says when no ceiling is set", async () => {
    const owner = await user("Olga");
    const ws = await createWorkspace(owner, { name: "Team" });
    const plan = await createPlan(owner, ws.id, { title: "Roll-out" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await call(getXlsx, plan.id, owner)).arrayBuffer());
    expect(wb.getWorksheet("Budget ceiling")!.getRow(2).values).toEqual([
      undefined,
      "EUR",
      undefined,
      undefined,
      undefined,
      undefined,
      "No budget ceiling set.",
    ]);
    expect(wb.getWorksheet("Resource requests")!.rowCount).toBe(1);
  });
});
