import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { projectPlan } from "@/lib/collab/projection";
import {
  blankRow,
  emptyDocContent,
  randomUUID,
  setSetting,
  writeDocContent,
  type DocContent,
  type RowOf,
} from "@/lib/doc";
import { NotFoundError } from "@/lib/errors";
import { addDays } from "@/lib/plan/dates";
import { createPlan, updatePlan } from "./plans";
import { signUp } from "./users";
import { getWorkspaceViews } from "./workspace-views";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

const TODAY = "2026-11-18";
let n = 0;
async function user(name: string): Promise<UserPrincipal & { email: string }> {
  const email = `${name.toLowerCase()}${++n}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, email };
}

const task = (fields: Partial<RowOf<"tasks">> & { name: string }): RowOf<"tasks"> => ({
  id: randomUUID(),
  start: null,
  end: null,
  progress: 0,
  kind: "task",
  parentId: null,
  deliverableId: null,
  assigneeId: null,
  priority: "medium",
  order: ++n,
  ...fields,
});
const risk = (fields: Partial<RowOf<"risks">> & { title: string }): RowOf<"risks"> => ({
  ...blankRow("risks", randomUUID()),
  ...fields,
});

/** Write content into a fresh document and project it, as the collaboration server would. */
async function seed(planId: string, fill: (c: DocContent) => void, edit?: (doc: Y.Doc) => void) {
  const content = emptyDocContent();
  fill(content);
  const doc = new Y.Doc();
  expect(writeDocContent(doc, content)).toEqual([]);
  edit?.(doc);
  expect(await projectPlan(planId, doc)).toBe(true);
}

describe("workspace views over the projection (real PostgreSQL)", () => {
  it("groups my tasks overdue / this week / later, lists milestones across plans and open high risks, only from my workspace's live plans", async () => {
    const me = await user("Me");
    const other = await user("Other");
    const ws = await createWorkspace(me, { name: "Ops" });
    await inviteMember(me, ws.id, { email: other.email, role: "member" });
    const a = await createPlan(me, ws.id, { title: "Alpha" });
    const b = await createPlan(other, ws.id, { title: "Beta" });
    const archived = await createPlan(me, ws.id, { title: "Old" });
    const elsewhereWs = await createWorkspace(me, { name: "Elsewhere" });
    const elsewhere = await createPlan(me, elsewhereWs.id, { title: "Elsewhere plan" });
    const myResource = randomUUID();

    await seed(a.id, (c) => {
      c.tasks.push(
        task({ name: "Due tomorrow, mine", start: TODAY, end: addDays(TODAY, 1), assigneeId: me.userId }),
        task({ name: "Due in 10 days, mine", start: TODAY, end: addDays(TODAY, 10), assigneeId: me.userId }),
        task({
          name: "Overdue, mine",
          start: addDays(TODAY, -9),
          end: addDays(TODAY, -2),
          assigneeId: me.userId,
          priority: "critical",
        }),
        task({ name: "Done already", start: TODAY, end: addDays(TODAY, 2), assigneeId: me.userId, progress: 100 }),
        task({ name: "Someone else's", start: TODAY, end: addDays(TODAY, 2), assigneeId: other.userId }),
        task({ name: "Alpha launch", kind: "milestone", start: addDays(TODAY, 20), end: addDays(TODAY, 20) }),
      );
      c.risks.push(
        risk({ title: "Vendor slips", likelihood: 4, impact: 3 }), // 12: high by default bands
        risk({ title: "Closed high", likelihood: 5, impact: 5, status: "closed" }),
        risk({ title: "Medium", likelihood: 2, impact: 3 }),
      );
    });
    await seed(
      b.id,
      (c) => {
        c.resources.push({
          id: myResource,
          kind: "person",
          name: "Me (resource)",
          role: "Analyst",
          userId: me.userId,
          allocation: 50,
          capacityHoursPerWeek: 40,
          absences: [],
          notes: "",
          order: 1,
        });
        c.tasks.push(
          task({ name: "Mine through a resource", start: TODAY, end: addDays(TODAY, 3), assigneeId: myResource }),
        );
        c.tasks.push(
          task({
            name: "Beta pilot",
            kind: "milestone",
            start: addDays(TODAY, -5),
            end: addDays(TODAY, -5),
            progress: 100,
          }),
        );
        c.risks.push(risk({ title: "Twelve but Beta calls it medium", likelihood: 4, impact: 3 }));
        c.risks.push(
          risk({ title: "Critical in Beta", likelihood: 5, impact: 4, status: "mitigating", ownerId: myResource }),
        );
      },
      (doc) =>
        expect(
          setSetting(doc, "riskBands", [
            { id: "low", label: "Low", min: 1, max: 6 },
            { id: "medium", label: "Medium", min: 7, max: 14 },
            { id: "high", label: "High", min: 15, max: 19 },
            { id: "critical", label: "Critical", min: 20, max: 25 },
          ]),
        ).toEqual({ ok: true }),
    );
    await seed(archived.id, (c) =>
      c.tasks.push(task({ name: "In an archived plan", start: TODAY, end: addDays(TODAY, 1), assigneeId: me.userId })),
    );
    await updatePlan(me, archived.id, { archived: true });
    await seed(elsewhere.id, (c) =>
      c.tasks.push(task({ name: "In another workspace", start: TODAY, end: addDays(TODAY, 1), assigneeId: me.userId })),
    );

    const views = await getWorkspaceViews(me, ws.id, TODAY);
    const groups = (v: typeof views) => v.taskGroups.map((g) => [g.id, g.rows.map((t) => [t.name, t.planTitle])]);
    expect(groups(views)).toEqual([
      ["overdue", [["Overdue, mine", "Alpha"]]],
      [
        "this_week",
        [
          ["Due tomorrow, mine", "Alpha"],
          ["Mine through a resource", "Beta"],
        ],
      ],
      ["later", [["Due in 10 days, mine", "Alpha"]]],
    ]);
    const withDone = await getWorkspaceViews(me, ws.id, TODAY, { showDone: true, priority: "nonsense" });
    expect(groups(withDone).at(-1)).toEqual(["done", [["Done already", "Alpha"]]]);
    const critical = await getWorkspaceViews(me, ws.id, TODAY, { priority: "critical" });
    expect(critical.taskGroups.flatMap((g) => g.rows.map((t) => [t.name, t.priority]))).toEqual([
      ["Overdue, mine", "critical"],
    ]);
    expect(views.milestones.map((m) => [m.name, m.planTitle, m.date])).toEqual([
      ["Beta pilot", "Beta", addDays(TODAY, -5)],
      ["Alpha launch", "Alpha", addDays(TODAY, 20)],
    ]);
    expect(views.highRisks.map((r) => [r.title, r.planTitle, r.band?.id, r.ownerName])).toEqual([
      ["Critical in Beta", "Beta", "critical", "Me (resource)"],
      ["Vendor slips", "Alpha", "high", null],
    ]);

    // The other member sees their own week, and nothing of mine.
    const theirs = await getWorkspaceViews(other, ws.id, TODAY);
    expect(theirs.taskGroups.flatMap((g) => g.rows.map((t) => t.name))).toEqual(["Someone else's"]);
  });

  it("is not found for someone outside the workspace", async () => {
    const me = await user("Owner");
    const stranger = await user("Stranger");
    const ws = await createWorkspace(me, { name: "Private" });
    await expect(getWorkspaceViews(stranger, ws.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });
});
