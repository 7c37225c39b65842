import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
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

  it("ignores unknown print tickets", () => {
    expect(redeemPrintTicket("nope", crypto.randomUUID())).toBeNull();
    expect(redeemPrintTicket(null, crypto.randomUUID())).toBeNull();
  });

  it("makes safe file names", () => {
    expect(exportFilename("Q3 roll-out: “phase 2”/final", "pdf")).toBe("Q3-roll-out-phase-2final.pdf");
    expect(exportFilename("日本", "md")).toBe("plan.md");
  });
});
