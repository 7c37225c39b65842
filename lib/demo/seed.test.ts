import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { plans, users } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { dateInTimeZone } from "@/lib/plan/dates";
import { exportPlanMarkdown, getPlanExport } from "@/lib/services/exports";
import { getWorkload } from "@/lib/services/workspace-views";
import { DEMO_EMAIL, seedDemo } from "./seed";

useTestDatabase();

describe("the seeded demo (real PostgreSQL)", () => {
  it("shows availability, absences, a budget ceiling and requests, and its non-members in the workload", async () => {
    const db = await getDb();
    expect(await seedDemo(db)).toBe(true);
    const [dana] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
    const demo: UserPrincipal = { kind: "user", userId: dana!.id };
    const [plan] = await db.select().from(plans).where(eq(plans.title, "Customer portal relaunch"));

    const { model } = await getPlanExport(demo, plan!.id);
    const cap = model.capacity;
    expect(cap.people.find((p) => p.name === "Aiko Tanaka")).toMatchObject({ hoursPerWeek: 32, allocation: 60 });
    expect(cap.people.flatMap((p) => p.absences).map((a) => a.note)).toEqual(
      expect.arrayContaining(["Holiday", "Training"]),
    );
    expect(cap.ceiling).toMatchObject({ ceiling: 190_000, planned: 181_800, plannedOver: false });
    expect(cap.requests.map((r) => [r.what, r.statusLabel])).toEqual([
      ["Contract QA tester for four weeks", "Requested"],
      ["ERP consultant, two days", "Approved"],
    ]);
    const { markdown } = await exportPlanMarkdown(demo, plan!.id);
    expect(markdown).toContain("### Availability");
    expect(markdown).toContain("| 190,000.00 EUR | 181,800.00 EUR |");
    expect(markdown).toContain("| Contract QA tester for four weeks |");

    // The demo's team is named only in the plan: the workload shows them as non-members, and Lena, whose
    // orders and tickets modules overlap, over her 40 hours.
    const workload = await getWorkload(demo, plan!.workspaceId, dateInTimeZone(new Date(), "UTC"));
    const people = new Map(workload.people.map((p) => [p.name, p]));
    expect(people.get("Lena Vogel")).toMatchObject({ member: false, overAllocated: true });
    expect(people.get("Tomás Ruiz")).toMatchObject({ member: false, userId: null });
    expect([...people.values()].filter((p) => !p.member).length).toBeGreaterThanOrEqual(3);
  });
});
