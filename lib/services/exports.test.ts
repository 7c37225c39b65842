import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { editPlanDocument } from "@/lib/collab/server-edit";
import { blankRow, insertRow, randomUUID, setSetting } from "@/lib/doc";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { exportFilename, exportPlanMarkdown, getPlanExport, redeemPrintTicket } from "./exports";
import { createPlan } from "./plans";
import { createShareLink, principalFromShareToken } from "./sharing";
import { signUp } from "./users";
import { createWorkspace } from "./workspaces";

useTestDatabase();

let n = 0;
async function user(name: string): Promise<UserPrincipal> {
  const u = await signUp({ name, email: `${name.toLowerCase()}${++n}@example.com`, password: "correct horse battery" });
  return { kind: "user", userId: u.id };
}

describe("plan exports (real PostgreSQL)", () => {
  it("assembles the plan for members and share links, and nothing for outsiders", async () => {
    const owner = await user("Olga");
    const outsider = await user("Mallory");
    const ws = await createWorkspace(owner, { name: "Ops" });
    const plan = await createPlan(owner, ws.id, { title: "Cut-over", summary: "Move to the new CRM." });

    const { model } = await getPlanExport(owner, plan.id);
    expect(model.plan).toMatchObject({
      title: "Cut-over",
      ownerName: "Olga",
      statusLabel: "Draft",
      workspaceName: "Ops",
    });
    const md = await exportPlanMarkdown(owner, plan.id);
    expect(md.markdown).toContain("# Cut-over");
    expect(md.markdown).toContain("Move to the new CRM.");

    // A link downloads only when its creator allowed it.
    const plain = (await principalFromShareToken((await createShareLink(owner, plan.id, {})).token))!;
    await expect(exportPlanMarkdown(plain, plan.id)).rejects.toBeInstanceOf(ForbiddenError);
    const link = await createShareLink(owner, plan.id, { allowDownloads: true });
    const share = (await principalFromShareToken(link.token))!;
    expect((await exportPlanMarkdown(share, plan.id)).title).toBe("Cut-over");

    await expect(exportPlanMarkdown(outsider, plan.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportPlanMarkdown(null, plan.id)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("carries availability, the budget ceiling and resource requests from the stored plan", async () => {
    const owner = await user("Olga");
    const ws = await createWorkspace(owner, { name: "Ops" });
    const plan = await createPlan(owner, ws.id, { title: "Cut-over" });
    await editPlanDocument(plan.id, (doc) => {
      insertRow(doc, "resources", {
        ...blankRow("resources", randomUUID()),
        name: "Kim Contractor",
        role: "Tester",
        allocation: 50,
        capacityHoursPerWeek: 30,
        absences: [{ start: "2026-03-09", end: "2026-03-13", note: "Leave" }],
      });
      insertRow(doc, "budgetLines", {
        id: randomUUID(),
        category: "Licences",
        description: "Seats",
        planned: 800,
        actual: 1100,
        currency: "EUR",
        order: 1,
      });
      setSetting(doc, "budgetCeiling", 1000);
      insertRow(doc, "resourceRequests", {
        id: randomUUID(),
        what: "Second tester",
        why: "Two releases overlap",
        estimatedCost: 4500,
        status: "approved",
        order: 1,
      });
    });
    const { markdown } = await exportPlanMarkdown(owner, plan.id);
    expect(markdown).toContain("| Kim Contractor | Tester | 30 h | 50% | 15 h | 2026-03-09 – 2026-03-13 (Leave) |");
    expect(markdown).toContain(
      "| 1,000.00 EUR | 800.00 EUR | 1,100.00 EUR | 200.00 EUR | Spending is over the ceiling. |",
    );
    expect(markdown).toContain("| Second tester | Two releases overlap | 4,500.00 EUR | Approved |");
  });

  it("ignores unknown print tickets", () => {
    expect(redeemPrintTicket("nope", crypto.randomUUID())).toBeNull();
    expect(redeemPrintTicket(null, crypto.randomUUID())).toBeNull();
  });

  it("makes safe file names", () => {
    expect(exportFilename("Q3 roll-out: “phase 2”/final", "pdf")).toBe("Q3-roll-out-phase-2final.pdf");
    expect(exportFilename("日本", "md")).toBe("plan.md");
  });
});
