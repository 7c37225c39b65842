import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDb } from "@/db";
import { demoPlanContent } from "@/db/demo-content";
import { getPlanContent } from "@/db/queries/plan-content";
import { notifications, planApprovals } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal as Principal } from "@/lib/access";
import { editPlanDocument } from "@/lib/collab/server-edit";
import { fromPlanContent, insertRow, randomUUID, readDocContent, setText, updateRow, writeDocContent } from "@/lib/doc";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { sectionDigests } from "@/lib/plan/section-digests";
import { createPlan, updatePlan } from "./plans";
import { addApprover, changeStatus, getReview, removeApprover, signOff } from "./review";
import { signUp } from "./users";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

let n = 0;
async function user(name: string) {
  const email = `${name.toLowerCase()}${++n}-review@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { principal: { kind: "user", userId: u.id } as Principal, email, id: u.id };
}

/** A workspace with an owner (manager), two approvers and a non-approver member, and a plan with tasks. */
async function setup() {
  const owner = await user("Olivia");
  const ana = await user("Ana");
  const ben = await user("Ben");
  const carl = await user("Carl");
  const ws = await createWorkspace(owner.principal, { name: "Review" });
  for (const u of [ana, ben, carl]) await inviteMember(owner.principal, ws.id, { email: u.email, role: "member" });
  const plan = await createPlan(owner.principal, ws.id, { title: "Launch" });
  const taskId = randomUUID();
  await editPlanDocument(planIdOf(plan), (doc) => {
    insertRow(doc, "tasks", {
      id: taskId,
      name: "Build",
      start: "2026-03-02",
      end: "2026-03-13",
      progress: 0,
      kind: "task",
      parentId: null,
      deliverableId: null,
      assigneeId: null,
      priority: "medium",
      order: 1,
    });
    insertRow(doc, "objectives", {
      id: randomUUID(),
      title: "Faster checkout",
      description: "",
      kpi: { metric: "Seconds", baseline: 40, target: 20, current: 40, unit: "s", due: "2026-06-30" },
      order: 1,
    });
    setText(doc, "scopeText", "The web shop only.");
  });
  return { owner, ana, ben, carl, ws, planId: plan.id, taskId };
}
const planIdOf = (p: { id: string }) => p.id;

describe("status and sign-off (real PostgreSQL)", () => {
  it("follows the allowed transitions and needs an approver before review", async () => {
    const { owner, ana, planId } = await setup();
    await expect(changeStatus(owner.principal, planId, "in_review")).rejects.toBeInstanceOf(ConflictError);
    await expect(changeStatus(owner.principal, planId, "approved")).rejects.toThrow(/every approver has signed off/);
    await expect(updatePlan(owner.principal, planId, { status: "active" })).rejects.toBeInstanceOf(ConflictError);
    await addApprover(owner.principal, planId, { userId: ana.id });
    expect((await changeStatus(owner.principal, planId, "in_review")).status).toBe("in_review");
    // The approver is asked to sign off.
    const db = await getDb();
    const inbox = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ana.id), eq(notifications.planId, planId)));
    expect(inbox.map((i) => i.kind)).toEqual(["signoff_request"]);
    expect(inbox[0]!.summary).toContain("Launch");
    await expect(changeStatus(owner.principal, planId, "draft")).rejects.toThrow(/requests changes/);
  });

  it("only managers name approvers, and only workspace members can be named", async () => {
    const { owner, ana, ben, planId } = await setup();
    const outsider = await user("Mallory");
    await expect(addApprover(ana.principal, planId, { userId: ben.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addApprover(owner.principal, planId, { userId: outsider.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(addApprover(outsider.principal, planId, { userId: outsider.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await addApprover(owner.principal, planId, { userId: ben.id })).added).toBe(true);
    expect((await getReview(owner.principal, planId)).approvers.map((a) => a.name)).toEqual(["Ben"]);
  });

  it("only named approvers sign off; every approver must approve; then a baseline is frozen and digests recorded", async () => {
    const { owner, ana, ben, carl, planId, taskId } = await setup();
    await addApprover(owner.principal, planId, { userId: ana.id });
    await addApprover(owner.principal, planId, { userId: ben.id });
    await expect(signOff(ana.principal, planId, { decision: "approved" })).rejects.toThrow(/not in review/);
    await changeStatus(owner.principal, planId, "in_review");

    await expect(signOff(carl.principal, planId, { decision: "approved" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signOff(owner.principal, planId, { decision: "approved" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await signOff(ana.principal, planId, { decision: "approved", comment: "Looks right." })).status).toBe(
      "in_review",
    );
    let review = await getReview(owner.principal, planId);
    expect(review.plan.status).toBe("in_review");
    expect(review.approvers.map((a) => [a.name, a.current?.decision ?? null])).toEqual([
      ["Ana", "approved"],
      ["Ben", null],
    ]);

    expect((await signOff(ben.principal, planId, { decision: "approved", comment: "" })).status).toBe("approved");
    review = await getReview(owner.principal, planId);
    expect(review.plan.status).toBe("approved");
    expect(review.approval!.clearedBy.map((s) => [s.name, s.comment])).toEqual([
      ["Ana", "Looks right."],
      ["Ben", ""],
    ]);
    expect(review.changed).toEqual([]);

    // The baseline is in the document (and its projection) with the schedule as approved.
    const content = await getPlanContent(planId);
    const baseline = content.baselines.find((b) => b.id === review.approval!.baselineId)!;
    expect(baseline.name).toMatch(/^Approved \d{4}-\d{2}-\d{2}$/);
    expect(baseline.tasks).toEqual([{ id: taskId, start: "2026-03-02", end: "2026-03-13" }]);
    const [approval] = await (await getDb()).select().from(planApprovals).where(eq(planApprovals.planId, planId));
    expect(Object.keys(approval!.sectionDigests).sort()).toEqual([
      "deliverables",
      "objectives",
      "raci",
      "research",
      "resources",
      "risks",
      "schedule",
      "scope",
      "stakeholders",
      "strategy",
    ]);
    expect(approval!.sectionDigests).toEqual(sectionDigests(content));

    // The owner hears about each decision.
    const told = await (
      await getDb()
    )
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, owner.id), eq(notifications.kind, "signoff")));
    expect(told).toHaveLength(2);

    // Then active, then done; nothing goes back.
    await expect(signOff(ana.principal, planId, { decision: "approved" })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeApprover(owner.principal, planId, { userId: ana.id })).rejects.toBeInstanceOf(ConflictError);
    expect((await changeStatus(ana.principal, planId, "active")).status).toBe("active");
    expect((await changeStatus(owner.principal, planId, "done")).status).toBe("done");
    await expect(changeStatus(owner.principal, planId, "draft")).rejects.toBeInstanceOf(ConflictError);
  });

  it("a request for changes needs a comment and returns the plan to draft; the next round starts afresh", async () => {
    const { owner, ana, ben, planId } = await setup();
    await addApprover(owner.principal, planId, { userId: ana.id });
    await addApprover(owner.principal, planId, { userId: ben.id });
    await changeStatus(owner.principal, planId, "in_review");
    await signOff(ana.principal, planId, { decision: "approved" });
    await expect(
      signOff(ben.principal, planId, { decision: "changes_requested", comment: "  " }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(
      (await signOff(ben.principal, planId, { decision: "changes_requested", comment: "Add a rollback task." })).status,
    ).toBe("draft");
    let review = await getReview(owner.principal, planId);
    expect(review.plan.status).toBe("draft");
    expect(review.signoffs[0]).toMatchObject({
      name: "Ben",
      decision: "changes_requested",
      comment: "Add a rollback task.",
    });

    // Ana's earlier approval does not carry into the new round.
    await changeStatus(owner.principal, planId, "in_review");
    expect((await signOff(ben.principal, planId, { decision: "approved" })).status).toBe("in_review");
    review = await getReview(owner.principal, planId);
    expect(review.approvers.map((a) => a.current?.decision ?? null)).toEqual([null, "approved"]);
    // Removing the approver who has not signed lets the round complete.
    await removeApprover(owner.principal, planId, { userId: ana.id });
    expect((await getReview(owner.principal, planId)).plan.status).toBe("approved");
  });

  it("after approval, a change to scope or schedule is reported section by section; objectives are not reported as scope/schedule", async () => {
    const { owner, ana, planId, taskId } = await setup();
    await addApprover(owner.principal, planId, { userId: ana.id });
    await changeStatus(owner.principal, planId, "in_review");
    await signOff(ana.principal, planId, { decision: "approved" });
    expect((await getReview(owner.principal, planId)).changed).toEqual([]);

    await editPlanDocument(planId, (doc) => {
      const [objective] = readDocContent(doc).content.objectives;
      updateRow(doc, "objectives", objective!.id, { title: "Much faster checkout" });
    });
    expect((await getReview(owner.principal, planId)).changed).toEqual(["objectives"]);

    await editPlanDocument(planId, (doc) => setText(doc, "scopeText", "The web shop and the app."));
    expect((await getReview(owner.principal, planId)).changed).toEqual(["objectives", "scope"]);

    await editPlanDocument(planId, (doc) => updateRow(doc, "tasks", taskId, { end: "2026-03-20" }));
    expect((await getReview(owner.principal, planId)).changed).toEqual(["objectives", "scope", "schedule"]);
  });

  it("digests of the live document and of its projection agree (demo plan)", async () => {
    const { owner, ws } = await setup();
    const plan = await createPlan(owner.principal, ws.id, { title: "Demo copy" });
    const content = fromPlanContent(demoPlanContent("2026-05-04", owner.id));
    const live = await editPlanDocument(plan.id, (doc) => {
      writeDocContent(doc, content);
      return sectionDigests(readDocContent(doc).content);
    });
    expect(sectionDigests(await getPlanContent(plan.id))).toEqual(live);
    const doc = new Y.Doc();
    writeDocContent(doc, content);
    expect(sectionDigests(readDocContent(doc).content)).toEqual(live);
  });
});
