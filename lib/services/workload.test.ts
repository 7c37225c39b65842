import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { projectPlan } from "@/lib/collab/projection";
import { blankRow, emptyDocContent, randomUUID, writeDocContent, type DocContent } from "@/lib/doc";
import { NotFoundError } from "@/lib/errors";
import { createPlan } from "./plans";
import { signUp } from "./users";
import { getWorkload } from "./workspace-views";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

// A Wednesday: the view starts on Monday 2026-11-16 (ISO week 47).
const TODAY = "2026-11-18";
let n = 0;
async function user(name: string): Promise<UserPrincipal & { email: string }> {
  const email = `${name.toLowerCase()}${++n}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, email };
}

/** A plan where `userId` (or no member) is a resource at `allocation`% with one task from Monday to Friday of week 48. */
async function seedPlan(planId: string, userId: string | null, allocation: number, extra?: (c: DocContent) => void) {
  const c = emptyDocContent();
  const resource = randomUUID();
  c.resources.push({ ...blankRow("resources", resource), name: "Lena", userId, allocation });
  c.tasks.push({
    ...blankRow("tasks", randomUUID()),
    name: "Build",
    start: "2026-11-23",
    end: "2026-11-27",
    assigneeId: resource,
  });
  extra?.(c);
  const doc = new Y.Doc();
  expect(writeDocContent(doc, c)).toEqual([]);
  expect(await projectPlan(planId, doc)).toBe(true);
}

describe("workload across plans (real PostgreSQL)", () => {
  it("adds up a member's hours per week over two plans and flags the week over capacity", async () => {
    const owner = await user("Owner");
    const lena = await user("Lena");
    const ws = await createWorkspace(owner, { name: "Ops" });
    await inviteMember(owner, ws.id, { email: lena.email, role: "member" });
    const a = await createPlan(owner, ws.id, { title: "Alpha" });
    const b = await createPlan(owner, ws.id, { title: "Beta" });
    await seedPlan(a.id, lena.userId, 100);
    await seedPlan(b.id, lena.userId, 50, (c) =>
      c.holidays.push({ id: randomUUID(), date: "2026-11-27", name: "Plan holiday" }),
    );

    const view = await getWorkload(lena, ws.id, TODAY);
    expect(view.from).toBe("2026-11-16");
    const [row] = view.people;
    expect(row).toMatchObject({ name: "Lena", capacity: 40, overAllocated: true });
    // Alpha: 5 days × 8 h; Beta: 4 days (its holiday) × 8 h × 50%.
    expect(row!.weeks.find((w) => w.week === "2026-W48")).toMatchObject({
      hours: 56,
      capacity: 40,
      overAllocated: true,
    });
    expect(new Set(row!.weeks.find((w) => w.week === "2026-W48")!.sources)).toEqual(new Set([a.id, b.id]));
    expect(view.planTitles).toMatchObject({ [a.id]: "Alpha", [b.id]: "Beta" });
  });

  it("adds up a contractor named only as a resource by name across two plans, flagged on their own hours", async () => {
    const owner = await user("Owner");
    const ws = await createWorkspace(owner, { name: "Ops" });
    const other = await createWorkspace(owner, { name: "Elsewhere" });
    const a = await createPlan(owner, ws.id, { title: "Alpha" });
    const b = await createPlan(owner, ws.id, { title: "Beta" });
    const c = await createPlan(owner, other.id, { title: "Gamma" });
    /** A plan where `name` (no member) is a resource with one task from Monday to Friday of week 48. */
    const contractor = (planId: string, name: string, allocation: number, hours: number) =>
      seedPlan(planId, null, allocation, (doc) => {
        doc.resources[0]!.name = name;
        doc.resources[0]!.capacityHoursPerWeek = hours;
      });
    await contractor(a.id, "Kim Contractor", 60, 20);
    await contractor(b.id, "  kim contractor ", 80, 20);
    // Another workspace's plan with the same name is not counted here.
    await contractor(c.id, "Kim Contractor", 100, 20);

    const view = await getWorkload(owner, ws.id, TODAY);
    expect(view.people).toHaveLength(1);
    const [row] = view.people;
    expect(row).toMatchObject({
      name: "Kim Contractor",
      member: false,
      userId: null,
      capacity: 20,
      overAllocated: true,
    });
    // Alpha: 5 days × 4 h × 60%; Beta: 5 × 4 h × 80% = 12 + 16 h against the 20 h they have.
    const w48 = row!.weeks.find((w) => w.week === "2026-W48")!;
    expect(w48).toMatchObject({ hours: 28, capacity: 20, overAllocated: true });
    expect(new Set(w48.sources)).toEqual(new Set([a.id, b.id]));
  });

  it("lists members before people who are not, with a non-member's absences taken off", async () => {
    const owner = await user("Owner");
    const lena = await user("Lena");
    const ws = await createWorkspace(owner, { name: "Ops" });
    await inviteMember(owner, ws.id, { email: lena.email, role: "member" });
    const a = await createPlan(owner, ws.id, { title: "Alpha" });
    await seedPlan(a.id, lena.userId, 50, (c) => {
      const aiko = randomUUID();
      c.resources.push({ ...blankRow("resources", aiko), name: "Aiko", allocation: 50, absences: [] });
      c.resources[1]!.absences.push({ start: "2026-11-23", end: "2026-11-24", note: "Training" });
      c.tasks.push({
        ...blankRow("tasks", randomUUID()),
        name: "Design",
        start: "2026-11-23",
        end: "2026-11-27",
        assigneeId: aiko,
      });
    });
    const view = await getWorkload(owner, ws.id, TODAY);
    expect(view.people.map((p) => [p.name, p.member])).toEqual([
      ["Lena", true],
      ["Aiko", false],
    ]);
    // Aiko's two days away take her hours and her capacity: 3 days × 8 h × 50% against 24 h.
    expect(view.people[1]!.weeks.find((w) => w.week === "2026-W48")).toMatchObject({
      hours: 12,
      capacity: 24,
      overAllocated: false,
    });
  });

  it("is not found for someone outside the workspace", async () => {
    const owner = await user("Owner");
    const stranger = await user("Stranger");
    const ws = await createWorkspace(owner, { name: "Ops" });
    await expect(getWorkload(stranger, ws.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });
});
