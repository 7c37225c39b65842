import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal as Principal } from "@/lib/access";
import { NotFoundError, ValidationError, ForbiddenError } from "@/lib/errors";
import { createPlan, deletePlan, getPlan, listWorkspacePlans, updatePlan } from "./plans";
import { addApprover } from "./review";
import { signUp } from "./users";
import { changeMemberRole, createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

let n = 0;
async function user(name = "User"): Promise<Principal> {
  const u = await signUp({ name, email: `${name.toLowerCase()}${++n}@example.com`, password: "correct horse battery" });
  return { kind: "user", userId: u.id };
}

describe("plans service (real PostgreSQL)", () => {
  it("creates, lists, renames, archives and deletes a plan for a member", async () => {
    const owner = await user("Owner");
    const ws = await createWorkspace(owner, { name: "Ops" });
    const plan = await createPlan(owner, ws.id, { title: "  CRM migration  " });
    expect(plan.title).toBe("CRM migration");
    expect(plan.status).toBe("draft");

    expect((await listWorkspacePlans(owner, ws.id)).map((p) => p.title)).toEqual(["CRM migration"]);
    // Review needs a named approver first (lib/services/review.ts).
    await addApprover(owner, plan.id, { userId: owner.userId });
    const renamed = await updatePlan(owner, plan.id, { title: "CRM cut-over", status: "in_review" });
    expect(renamed.title).toBe("CRM cut-over");
    expect(renamed.status).toBe("in_review");

    await updatePlan(owner, plan.id, { archived: true });
    expect(await listWorkspacePlans(owner, ws.id)).toHaveLength(0);
    expect(await listWorkspacePlans(owner, ws.id, { archived: true })).toHaveLength(1);

    await deletePlan(owner, plan.id);
    await expect(getPlan(owner, plan.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers 404 to someone outside the workspace, for reads and writes alike", async () => {
    const owner = await user("Alice");
    const stranger = await user("Mallory");
    const ws = await createWorkspace(owner, { name: "Private" });
    const plan = await createPlan(owner, ws.id, { title: "Secret plan" });
    await expect(getPlan(stranger, plan.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePlan(stranger, plan.id, { title: "pwned" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deletePlan(stranger, plan.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listWorkspacePlans(stranger, ws.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createPlan(stranger, ws.id, { title: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(stranger, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPlan(owner, plan.id)).plan.title).toBe("Secret plan");
  });

  it("lets members edit but only managers archive or delete", async () => {
    const owner = await user("Olga");
    const ws = await createWorkspace(owner, { name: "Team" });
    const plan = await createPlan(owner, ws.id, { title: "Rollout" });
    const member = await user("Mika");
    const memberEmail = `mika${n}@example.com`;
    await inviteMember(owner, ws.id, { email: memberEmail, role: "member" });

    expect((await getPlan(member, plan.id)).role).toBe("editor");
    await updatePlan(member, plan.id, { title: "Rollout v2" });
    await expect(updatePlan(member, plan.id, { archived: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deletePlan(member, plan.id)).rejects.toBeInstanceOf(ForbiddenError);

    await changeMemberRole(owner, ws.id, member.userId, { role: "admin" });
    expect((await getPlan(member, plan.id)).role).toBe("manager");
    await deletePlan(member, plan.id);
  });

  it("refuses bad input with field messages", async () => {
    const owner = await user("Val");
    const ws = await createWorkspace(owner, { name: "V" });
    const err = await createPlan(owner, ws.id, { title: "   " }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.status).toBe(422);
    expect(err.fieldErrors.title).toEqual(["Title cannot be empty."]);
    const long = await createPlan(owner, ws.id, { title: "x".repeat(121) }).catch((e) => e);
    expect(long.fieldErrors.title[0]).toMatch(/at most 120/);
    const plan = await createPlan(owner, ws.id, { title: "ok" });
    const bad = await updatePlan(owner, plan.id, { status: "finished" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    const empty = await updatePlan(owner, plan.id, {}).catch((e) => e);
    expect(empty.message).toMatch(/Nothing to update/);
  });
});
