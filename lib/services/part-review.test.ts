import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addPartApprover, getPartApprovals, removePartApprover, signOffPart } from "./part-review";
import { createPlan, getPlan } from "./plans";
import { signUp } from "./users";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

let n = 0;
async function user(name: string): Promise<UserPrincipal & { email: string }> {
  const email = `${name.toLowerCase()}${++n}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, email };
}

const statusOf = async (who: UserPrincipal, planId: string, part: string) =>
  (await getPartApprovals(who, planId)).find((p) => p.id === part)!.status;

describe("sign-off by part (real PostgreSQL)", () => {
  it("approves one part with its own approvers and leaves the whole plan's status alone", async () => {
    const owner = await user("Owner");
    const fin = await user("Fin");
    const ops = await user("Ops");
    const ws = await createWorkspace(owner, { name: "Parts" });
    await inviteMember(owner, ws.id, { email: fin.email, role: "member" });
    await inviteMember(owner, ws.id, { email: ops.email, role: "member" });
    const plan = await createPlan(owner, ws.id, { title: "Plan" });
    expect(await statusOf(owner, plan.id, "budget")).toBe("no_approvers");

    await addPartApprover(owner, plan.id, { part: "budget", userId: fin.userId });
    await addPartApprover(owner, plan.id, { part: "budget", userId: ops.userId });
    await signOffPart(fin, plan.id, { part: "budget", decision: "approved" });
    expect(await statusOf(owner, plan.id, "budget")).toBe("pending");
    await signOffPart(ops, plan.id, { part: "budget", decision: "approved" });
    expect(await statusOf(owner, plan.id, "budget")).toBe("approved");
    expect(await statusOf(owner, plan.id, "schedule")).toBe("no_approvers");
    expect((await getPlan(owner, plan.id)).plan.status).toBe("draft");

    await signOffPart(ops, plan.id, { part: "budget", decision: "changes_requested", comment: "Too high" });
    expect(await statusOf(owner, plan.id, "budget")).toBe("changes_requested");
    await removePartApprover(owner, plan.id, { part: "budget", userId: ops.userId });
    expect(await statusOf(owner, plan.id, "budget")).toBe("approved");
  });

  it("lets only a part's approvers sign it, and only managers name them", async () => {
    const owner = await user("Owner");
    const member = await user("Member");
    const stranger = await user("Stranger");
    const ws = await createWorkspace(owner, { name: "Parts" });
    await inviteMember(owner, ws.id, { email: member.email, role: "member" });
    const plan = await createPlan(owner, ws.id, { title: "Plan" });
    await addPartApprover(owner, plan.id, { part: "schedule", userId: owner.userId });
    await expect(signOffPart(member, plan.id, { part: "schedule", decision: "approved" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(addPartApprover(member, plan.id, { part: "schedule", userId: member.userId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(addPartApprover(owner, plan.id, { part: "schedule", userId: stranger.userId })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(addPartApprover(owner, plan.id, { part: "nope", userId: member.userId })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(getPartApprovals(stranger, plan.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      signOffPart(owner, plan.id, { part: "schedule", decision: "changes_requested", comment: "" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
