import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { requirePlan, type SharePrincipal, type UserPrincipal } from "@/lib/access";
import { processMetrics } from "@/lib/metrics";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace, inviteMember } from "@/lib/services/workspaces";

useTestDatabase();

let n = 0;
async function user(name: string): Promise<UserPrincipal & { email: string }> {
  const email = `${name.toLowerCase()}${++n}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, email };
}

/** The counter's value for one label, read from the registry the metrics route serves. */
async function count(metric: "accessLookups" | "accessDenied", label: Record<string, string>): Promise<number> {
  const { values } = await processMetrics()[metric].get();
  return (
    values.find((v) => Object.entries(label).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x))
      ?.value ?? 0
  );
}

describe("access layer metrics (real PostgreSQL)", () => {
  it("counts each plan it reads to authorize, and each refusal by reason", async () => {
    const owner = await user("Owner");
    const member = await user("Member");
    const outsider = await user("Outsider");
    const ws = await createWorkspace(owner, { name: "Ops" });
    await inviteMember(owner, ws.id, { email: member.email, role: "member" });
    const plan = await createPlan(owner, ws.id, { title: "Cut-over" });

    const lookups = await count("accessLookups", { principal: "user" });
    const notFound = await count("accessDenied", { reason: "not_found" });
    const forbidden = await count("accessDenied", { reason: "forbidden" });

    // Outside a server render every check reads the plan (React's cache lasts one render).
    await requirePlan(owner, plan.id, "read");
    await requirePlan(member, plan.id, "edit");
    expect(await count("accessLookups", { principal: "user" })).toBe(lookups + 2);

    // Someone outside the workspace learns nothing: not found, counted as such.
    await expect(requirePlan(outsider, plan.id, "read")).rejects.toBeInstanceOf(NotFoundError);
    // A malformed id is refused before any read.
    await expect(requirePlan(owner, "not-a-plan-id", "read")).rejects.toBeInstanceOf(NotFoundError);
    expect(await count("accessLookups", { principal: "user" })).toBe(lookups + 3);
    expect(await count("accessDenied", { reason: "not_found" })).toBe(notFound + 2);

    // A member may edit but not delete: forbidden.
    await expect(requirePlan(member, plan.id, "delete")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count("accessDenied", { reason: "forbidden" })).toBe(forbidden + 1);

    // A read-only link: its own plan for reading, nothing to write, no other plan.
    const other = await createPlan(owner, ws.id, { title: "Another plan" });
    const link: SharePrincipal = { kind: "share", linkId: "link", planId: plan.id };
    const shareLookups = await count("accessLookups", { principal: "share" });
    await requirePlan(link, plan.id, "read");
    await expect(requirePlan(link, plan.id, "edit")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requirePlan(link, other.id, "read")).rejects.toBeInstanceOf(NotFoundError);
    expect(await count("accessLookups", { principal: "share" })).toBe(shareLookups + 2);
    expect(await count("accessDenied", { reason: "forbidden" })).toBe(forbidden + 2);
    expect(await count("accessDenied", { reason: "not_found" })).toBe(notFound + 3);
  });
});
