import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailOutbox, notifications, planPartSignoffs } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { editPlanDocument } from "@/lib/collab/server-edit";
import { blankRow, insertRow, randomUUID, updateRow } from "@/lib/doc";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addPartApprover, getPartApprovals, removePartApprover, requestPartSignoff, signOffPart } from "./part-review";
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

const partOf = async (who: UserPrincipal, planId: string, part: string) =>
  (await getPartApprovals(who, planId)).find((p) => p.id === part)!;

async function inbox(userId: string) {
  const db = await getDb();
  return db
    .select({ kind: notifications.kind, summary: notifications.summary, actorId: notifications.actorId })
    .from(notifications)
    .where(eq(notifications.userId, userId));
}

async function mails(to: string, kind: string) {
  const db = await getDb();
  return db
    .select({ subject: mailOutbox.subject, text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, to), eq(mailOutbox.kind, kind)));
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

  it("asks a part's approvers in the inbox and by mail, and tells the asker of each decision", async () => {
    const owner = await user("Owner");
    const editor = await user("Eddie");
    const fin = await user("Fin");
    const ops = await user("Ops");
    const ws = await createWorkspace(owner, { name: "Parts" });
    for (const u of [editor, fin, ops]) await inviteMember(owner, ws.id, { email: u.email, role: "member" });
    const plan = await createPlan(owner, ws.id, { title: "Roll-out" });
    await expect(requestPartSignoff(editor, plan.id, { part: "budget" })).rejects.toBeInstanceOf(ConflictError);
    await addPartApprover(owner, plan.id, { part: "budget", userId: fin.userId });
    await addPartApprover(owner, plan.id, { part: "budget", userId: ops.userId });
    await addPartApprover(owner, plan.id, { part: "schedule", userId: owner.userId });
    await expect(requestPartSignoff(editor, plan.id, { part: "nope" })).rejects.toBeInstanceOf(ValidationError);

    expect(await requestPartSignoff(editor, plan.id, { part: "budget" })).toEqual({ asked: 2 });
    for (const approver of [fin, ops]) {
      expect(await inbox(approver.userId)).toEqual([
        {
          kind: "signoff_request",
          summary: "Eddie asked you to sign off Budget of “Roll-out”",
          actorId: editor.userId,
        },
      ]);
      const [mail] = await mails(approver.email, "signoff_request");
      expect(mail?.subject).toBe("Eddie asked you to sign off Budget of “Roll-out”");
      expect(mail?.text).toContain(`/plans/${plan.id}/review`);
    }
    // Nobody else is asked: not the schedule's approver, not the asker.
    expect(await inbox(owner.userId)).toEqual([]);
    expect(await inbox(editor.userId)).toEqual([]);

    await signOffPart(fin, plan.id, { part: "budget", decision: "approved" });
    await signOffPart(ops, plan.id, { part: "budget", decision: "changes_requested", comment: "Add the VAT." });
    expect((await inbox(editor.userId)).map((i) => i.summary).sort()).toEqual([
      "Fin approved Budget of “Roll-out”",
      "Ops requested changes to Budget of “Roll-out”",
    ]);
    expect((await mails(editor.email, "signoff_decision")).map((m) => m.subject).sort()).toEqual([
      "Fin approved Budget of “Roll-out”",
      "Ops requested changes to Budget of “Roll-out”",
    ]);
    // A part nobody asked about tells nobody.
    await signOffPart(owner, plan.id, { part: "schedule", decision: "approved" });
    expect(await inbox(owner.userId)).toEqual([]);
    expect(await mails(owner.email, "signoff_decision")).toEqual([]);
  });

  it("fingerprints an approved part and shows it changed once its content differs", async () => {
    const owner = await user("Owner");
    const fin = await user("Fin");
    const ws = await createWorkspace(owner, { name: "Parts" });
    await inviteMember(owner, ws.id, { email: fin.email, role: "member" });
    const plan = await createPlan(owner, ws.id, { title: "Plan" });
    const lineId = randomUUID();
    const taskId = randomUUID();
    await editPlanDocument(plan.id, (doc) => {
      insertRow(doc, "budgetLines", { ...blankRow("budgetLines", lineId), category: "Labour", planned: 1000 });
      insertRow(doc, "tasks", { ...blankRow("tasks", taskId), name: "Build", start: "2026-03-02", end: "2026-03-06" });
    });
    await addPartApprover(owner, plan.id, { part: "budget", userId: fin.userId });
    await addPartApprover(owner, plan.id, { part: "schedule", userId: fin.userId });
    await signOffPart(fin, plan.id, { part: "budget", decision: "approved" });
    await signOffPart(fin, plan.id, { part: "schedule", decision: "approved" });

    const db = await getDb();
    const recorded = await db
      .select({ part: planPartSignoffs.part, fingerprint: planPartSignoffs.fingerprint })
      .from(planPartSignoffs)
      .where(eq(planPartSignoffs.planId, plan.id));
    expect(recorded).toHaveLength(2);
    for (const r of recorded) expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(recorded[0]!.fingerprint).not.toBe(recorded[1]!.fingerprint);
    expect(await partOf(owner, plan.id, "budget")).toMatchObject({ status: "approved", changed: false });

    // Moving a task changes the schedule, not the budget.
    await editPlanDocument(plan.id, (doc) => updateRow(doc, "tasks", taskId, { end: "2026-03-13" }));
    expect(await partOf(owner, plan.id, "schedule")).toMatchObject({ status: "approved", changed: true });
    expect(await partOf(owner, plan.id, "budget")).toMatchObject({ status: "approved", changed: false });

    await editPlanDocument(plan.id, (doc) => updateRow(doc, "budgetLines", lineId, { planned: 1500 }));
    expect(await partOf(owner, plan.id, "budget")).toMatchObject({ changed: true });
    // Putting the figure back makes it the approved content again; a new approval takes the new content.
    await editPlanDocument(plan.id, (doc) => updateRow(doc, "budgetLines", lineId, { planned: 1000 }));
    expect(await partOf(owner, plan.id, "budget")).toMatchObject({ changed: false });
    await signOffPart(fin, plan.id, { part: "schedule", decision: "approved" });
    expect(await partOf(owner, plan.id, "schedule")).toMatchObject({ status: "approved", changed: false });
  });
});
