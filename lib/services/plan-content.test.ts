import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { testUser } from "@/lib/testing/users";
import { ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from "@/lib/errors";
import { idempotent } from "./idempotency";
import { createPlan } from "./plans";
import {
  contentCollectionNames,
  createContentRow,
  deleteContentRow,
  getContentRow,
  listContent,
  updateContentRow,
} from "./plan-content";
import { createRaciCell, getRaciCell, listRaciCells, updateRaciCell } from "./raci-cells";
import { setPlanRole } from "./sharing";
import { createWorkspace, inviteMember } from "./workspaces";

useTestDatabase();

const user = testUser;

async function setUp() {
  const owner = await user("Owner");
  const ws = await createWorkspace(owner, { name: "Ops" });
  const plan = await createPlan(owner, ws.id, { title: "Cut-over" });
  return { owner, ws, plan };
}

describe("plan content through the API (real PostgreSQL, live document)", () => {
  it("creates, reads, changes and deletes rows of any collection, checking ETags", async () => {
    const { owner, plan } = await setUp();
    expect(contentCollectionNames()).toEqual(expect.arrayContaining(["tasks", "risks", "budget", "dependencies"]));
    const a = await createContentRow(owner, plan.id, "tasks", {
      name: "Design",
      start: "2026-01-05",
      end: "2026-01-09",
    });
    expect(a.row).toMatchObject({ name: "Design", start: "2026-01-05", order: 1 });
    const b = await createContentRow(owner, plan.id, "tasks", { name: "Build" });
    expect(b.row).toMatchObject({ order: 2 });
    const dep = await createContentRow(owner, plan.id, "dependencies", { from: a.row.id, to: b.row.id });
    expect(dep.row).toMatchObject({ type: "FS", lag: 0 });

    const got = await getContentRow(owner, plan.id, "tasks", a.row.id);
    expect(got.etag).toBe(a.etag);
    const moved = await updateContentRow(owner, plan.id, "tasks", a.row.id, { end: "2026-01-12" }, got.etag);
    expect(moved.row).toMatchObject({ end: "2026-01-12" });
    expect(moved.etag).not.toBe(got.etag);
    await expect(
      updateContentRow(owner, plan.id, "tasks", a.row.id, { name: "Late" }, got.etag),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(deleteContentRow(owner, plan.id, "tasks", a.row.id, got.etag)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );

    const list = await listContent(owner, plan.id, "tasks", { limit: "1" });
    expect(list.items.map((t) => t.id)).toEqual([a.row.id]);
    const next = await listContent(owner, plan.id, "tasks", { limit: "1", cursor: list.nextCursor! });
    expect(next.items.map((t) => t.id)).toEqual([b.row.id]);
    expect(next.nextCursor).toBeNull();
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await listContent(owner, plan.id, "tasks", { updatedSince: later })).items).toEqual([]);

    await deleteContentRow(owner, plan.id, "tasks", b.row.id, null);
    await expect(getContentRow(owner, plan.id, "tasks", b.row.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listContent(owner, plan.id, "nope", {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(listContent(owner, plan.id, "baselines", {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers invalid rows with the browser's field messages", async () => {
    const { owner, plan } = await setUp();
    const err = await createContentRow(owner, plan.id, "tasks", {
      name: "X",
      start: "2026-02-10",
      end: "2026-02-01",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).status).toBe(422);
    expect(Object.keys((err as ValidationError).fieldErrors ?? {})).not.toHaveLength(0);
    await expect(listContent(owner, plan.id, "tasks", { limit: "501" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("sets RACI cells", async () => {
    const { owner, plan } = await setUp();
    const task = await createContentRow(owner, plan.id, "tasks", { name: "Design" });
    const col = await createContentRow(owner, plan.id, "raciColumns", { kind: "role", name: "Lead" });
    const cell = await createRaciCell(owner, plan.id, { rowId: task.row.id, columnId: col.row.id, value: "R" });
    expect(cell.row).toMatchObject({ value: "R" });
    expect((await getRaciCell(owner, plan.id, cell.row.id)).etag).toBe(cell.etag);
    await expect(updateRaciCell(owner, plan.id, cell.row.id, { value: "X" }, null)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await updateRaciCell(owner, plan.id, cell.row.id, { value: "A" }, cell.etag);
    expect((await listRaciCells(owner, plan.id, {})).items).toEqual([expect.objectContaining({ value: "A" })]);
  });

  it("refuses writes to viewers (403) and everything to outsiders (404)", async () => {
    const { owner, ws, plan } = await setUp();
    const viewer = await user("Vic");
    await inviteMember(owner, ws.id, { email: viewer.email, role: "member" });
    await setPlanRole(owner, plan.id, viewer.userId, { role: "viewer" });
    const task = await createContentRow(owner, plan.id, "tasks", { name: "Design" });
    expect((await getContentRow(viewer, plan.id, "tasks", task.row.id)).row).toMatchObject({ name: "Design" });
    await expect(createContentRow(viewer, plan.id, "tasks", { name: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateContentRow(viewer, plan.id, "tasks", task.row.id, { name: "x" }, null)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const outsider = await user("Mal");
    await expect(listContent(outsider, plan.id, "tasks", {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteContentRow(outsider, plan.id, "tasks", task.row.id, null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("replays a POST sent again with the same Idempotency-Key and refuses the key for another body", async () => {
    const { owner, plan } = await setUp();
    const request = (body: unknown) => ({ method: "POST", path: `/api/v1/plans/${plan.id}/tasks`, body });
    const post = (body: Record<string, unknown>) =>
      idempotent(owner, "key-1", request(body), async () => {
        const { row } = await createContentRow(owner, plan.id, "tasks", body);
        return { status: 201, body: { data: row } };
      });
    const first = await post({ name: "Once" });
    const again = await post({ name: "Once" });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    await expect(post({ name: "Other" })).rejects.toBeInstanceOf(ValidationError);
    expect((await listContent(owner, plan.id, "tasks", {})).items).toHaveLength(1);
  });
});
