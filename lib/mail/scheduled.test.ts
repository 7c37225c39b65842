import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { insertMembership, insertWorkspaceWithOwner } from "@/db/queries/workspaces";
import { planResources, plans, planTasks, shareLinks } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import { signUp } from "@/lib/services/users";
import { outboxMails } from "@/lib/testing/outbox";
import { queueAssignmentMails, queueDigests, queueLinkExpiryMails } from "./scheduled";

useTestDatabase();

const password = "correct horse battery";
const day = (offset: number, from = new Date()) =>
  new Date(from.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

let ann: { id: string; email: string };
let ben: { id: string; email: string };
let outsider: { id: string; email: string };
let planId: string;

const mails = outboxMails;

beforeAll(async () => {
  ann = await signUp({ name: "Ann", email: "ann@example.com", password });
  ben = await signUp({ name: "Ben", email: "ben@example.com", password });
  outsider = await signUp({ name: "Out", email: "out@example.com", password });
  const ws = await insertWorkspaceWithOwner("Scheduled", ann.id);
  await insertMembership(ws.id, ben.id, "member");
  const db = await getDb();
  const [plan] = await db.insert(plans).values({ workspaceId: ws.id, title: "Rollout", ownerId: ann.id }).returning();
  planId = plan!.id;
});

describe("scheduled mail", () => {
  it("announces each task assignment to a member once, directly or through a resource", async () => {
    const db = await getDb();
    const resource = randomUUID();
    await db.insert(planResources).values({
      planId,
      id: resource,
      kind: "person",
      name: "Ben",
      role: "",
      userId: ben.id,
      allocation: 1,
      notes: "",
    });
    await db.insert(planTasks).values([
      { planId, id: randomUUID(), name: "Direct task", assigneeId: ann.id },
      { planId, id: randomUUID(), name: "Resource task", assigneeId: resource },
      { planId, id: randomUUID(), name: "Not a member's", assigneeId: outsider.id },
    ]);
    await queueAssignmentMails();
    await queueAssignmentMails();
    expect((await mails("ann@example.com", "task_assigned")).map((m) => m.subject)).toEqual([
      "You were assigned “Direct task” in “Rollout”",
    ]);
    expect((await mails("ben@example.com", "task_assigned")).map((m) => m.subject)).toEqual([
      "You were assigned “Resource task” in “Rollout”",
    ]);
    expect(await mails("out@example.com", "task_assigned")).toHaveLength(0);
  });

  it("sends each person one digest a day of tasks due tomorrow or overdue, unless switched off", async () => {
    const db = await getDb();
    const now = new Date("2030-03-10T08:00:00Z");
    await db.insert(planTasks).values([
      { planId, id: randomUUID(), name: "Overdue", end: day(-2, now), assigneeId: ann.id },
      { planId, id: randomUUID(), name: "Tomorrow", end: day(1, now), assigneeId: ann.id },
      { planId, id: randomUUID(), name: "Next week", end: day(7, now), assigneeId: ann.id },
      { planId, id: randomUUID(), name: "Finished", end: day(-1, now), progress: 100, assigneeId: ann.id },
    ]);
    // Before the digest hour nothing goes out.
    expect(await queueDigests(new Date("2030-03-10T03:00:00Z"))).toBe(0);
    await queueDigests(now);
    await queueDigests(now);
    const sent = await mails("ann@example.com", "daily_digest");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Overdue");
    expect(sent[0]!.text).toContain("Tomorrow");
    expect(sent[0]!.text).not.toContain("Next week");
    expect(sent[0]!.text).not.toContain("Finished");
    // The next day again.
    await queueDigests(new Date("2030-03-11T08:00:00Z"));
    expect(await mails("ann@example.com", "daily_digest")).toHaveLength(2);
  });

  it("tells a link's creator once, a day before it expires", async () => {
    const db = await getDb();
    const now = new Date();
    await db.insert(shareLinks).values([
      {
        planId,
        tokenHash: randomUUID(),
        label: "Soon",
        createdBy: ann.id,
        expiresAt: new Date(now.getTime() + 3600_000),
      },
      {
        planId,
        tokenHash: randomUUID(),
        label: "Later",
        createdBy: ann.id,
        expiresAt: new Date(now.getTime() + 5 * 86_400_000),
      },
    ]);
    await queueLinkExpiryMails(now);
    await queueLinkExpiryMails(now);
    const sent = await mails("ann@example.com", "share_link_expiring");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Soon");
  });
});

describe("the demo plan", () => {
  it("comes with its assignments already announced", async () => {
    const { seedDemo, DEMO_EMAIL } = await import("@/lib/demo/seed");
    await seedDemo(await getDb());
    await queueAssignmentMails();
    expect(await mails(DEMO_EMAIL, "task_assigned")).toHaveLength(0);
    const db = await getDb();
    const demoTasks = await db.select().from(planTasks);
    expect(demoTasks.some((t) => t.assigneeId)).toBe(true);
  });
});
