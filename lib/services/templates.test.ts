import { describe, expect, it } from "vitest";
import { demoPlanContent } from "@/db/demo-content";
import { getPlanContent } from "@/db/queries/plan-content";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { loadDoc } from "@/lib/collab/persistence";
import { editPlanDocument } from "@/lib/collab/server-edit";
import { fromPlanContent, readDocContent, writeDocContent } from "@/lib/doc";
import { ForbiddenError } from "@/lib/errors";
import { setPlanRole } from "./sharing";
import { createPlan } from "./plans";
import { duplicatePlan } from "./templates";
import { signUp } from "./users";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

describe("duplicate a plan (real PostgreSQL)", () => {
  it("copies the source's current content into a new draft titled “Copy of …”", async () => {
    const u = await signUp({ name: "Fay", email: "fay-templates@example.com", password: "correct horse battery" });
    const viewer = await signUp({ name: "Gus", email: "gus-templates@example.com", password: "correct horse battery" });
    const fay: UserPrincipal = { kind: "user", userId: u.id };
    const ws = await createWorkspace(fay, { name: "Templates" });
    await inviteMember(fay, ws.id, { email: "gus-templates@example.com", role: "member" });
    const source = await createPlan(fay, ws.id, {
      title: "Warehouse rollout",
      summary: "Scanners in both warehouses.",
    });
    await editPlanDocument(source.id, (doc) =>
      writeDocContent(doc, fromPlanContent(demoPlanContent("2026-05-04", u.id))),
    );

    const copy = await duplicatePlan(fay, source.id);
    expect(copy).toMatchObject({
      title: "Copy of Warehouse rollout",
      summary: "Scanners in both warehouses.",
      status: "draft",
      workspaceId: ws.id,
      ownerId: u.id,
    });
    const original = readDocContent((await loadDoc(source.id)).doc).content;
    const copied = readDocContent((await loadDoc(copy.id)).doc).content;
    expect(copied).toEqual(original);
    expect(copied.tasks.length).toBeGreaterThan(5);
    // Projected at once, so the copy's first page view shows it.
    expect((await getPlanContent(copy.id)).tasks.map((t) => t.name)).toEqual(original.tasks.map((t) => t.name));

    expect((await duplicatePlan(fay, source.id, { title: "Second warehouse" })).title).toBe("Second warehouse");
    await setPlanRole(fay, source.id, viewer.id, { role: "viewer" });
    await expect(duplicatePlan({ kind: "user", userId: viewer.id }, source.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
