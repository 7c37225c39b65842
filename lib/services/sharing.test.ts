import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { shareLinks } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import type { SharePrincipal, UserPrincipal } from "@/lib/access";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { createPlan, getPlan, listWorkspacePlans, updatePlan } from "./plans";
import {
  createShareLink,
  getPlanAccess,
  getShareLinks,
  getSharedPlan,
  principalFromShareToken,
  recordShareView,
  revokeShareLink,
  setPlanRole,
  shareLinkForPlan,
} from "./sharing";
import { signUp } from "./users";
import { createWorkspace, inviteMember, listMyWorkspaces } from "./workspaces";

useTestDatabase();
afterEach(() => vi.restoreAllMocks());

let n = 0;
async function user(who: string) {
  const email = `${who}${++n}@example.com`;
  const u = await signUp({ name: who, email, password: "correct horse battery" });
  return { principal: { kind: "user", userId: u.id } as UserPrincipal, email };
}

async function setup() {
  const owner = await user("Owner");
  const ws = await createWorkspace(owner.principal, { name: "Sharing" });
  const plan = await createPlan(owner.principal, ws.id, { title: "Shared plan" });
  const other = await createPlan(owner.principal, ws.id, { title: "Other plan" });
  return { owner, ws, plan, other };
}

describe("read-only links", () => {
  it("uses 256-bit tokens and stores only their SHA-256 digest", async () => {
    const { owner, plan } = await setup();
    const link = await createShareLink(owner.principal, plan.id, { label: "Board" });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    expect(link.path).toBe(`/s/${link.token}`);
    const [row] = await (await getDb()).select().from(shareLinks).where(eq(shareLinks.id, link.id));
    expect(row!.tokenHash).toBe(crypto.createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const second = await createShareLink(owner.principal, plan.id, {});
    expect(second.token).not.toBe(link.token);
  });

  it("reads its own plan and nothing else", async () => {
    const { owner, ws, plan, other } = await setup();
    const { token } = await createShareLink(owner.principal, plan.id, {});
    const shared = await getSharedPlan(token);
    expect(shared.plan.title).toBe("Shared plan");
    expect(shared.role).toBe("viewer");
    const principal = (await principalFromShareToken(token))!;
    await expect(getPlan(principal, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePlan(principal, plan.id, { title: "defaced" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listWorkspacePlans(principal, ws.id)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(listMyWorkspaces(principal)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(createShareLink(principal, plan.id, {})).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await shareLinkForPlan(token, plan.id)).toEqual({ tokenId: principal.linkId, expiresAt: null });
    expect(await shareLinkForPlan(token, other.id)).toBeNull();
  });

  it("refuses malformed, unknown, expired and revoked tokens", async () => {
    const { owner, plan } = await setup();
    expect(await principalFromShareToken("short")).toBeNull();
    expect(await principalFromShareToken("x".repeat(43))).toBeNull();
    await expect(getSharedPlan("x".repeat(43))).rejects.toBeInstanceOf(NotFoundError);

    const expiring = await createShareLink(owner.principal, plan.id, { expiresInDays: "1" });
    expect(expiring.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect(await principalFromShareToken(expiring.token)).not.toBeNull();
    expect(await principalFromShareToken(expiring.token, new Date(Date.now() + 2 * 86_400_000))).toBeNull();

    const revoked = await createShareLink(owner.principal, plan.id, {});
    await revokeShareLink(owner.principal, plan.id, revoked.id);
    expect(await principalFromShareToken(revoked.token)).toBeNull();
    await expect(revokeShareLink(owner.principal, plan.id, revoked.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getShareLinks(owner.principal, plan.id)).map((l) => l.id)).toEqual([expiring.id]);
  });

  it("compares the stored digest in constant time", async () => {
    const { owner, plan } = await setup();
    const { token } = await createShareLink(owner.principal, plan.id, {});
    const spy = vi.spyOn(crypto, "timingSafeEqual");
    expect(await principalFromShareToken(token)).not.toBeNull();
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0]!;
    expect(Buffer.from(a as Uint8Array).equals(Buffer.from(b as Uint8Array))).toBe(true);
  });

  it("counts views and remembers the last use", async () => {
    const { owner, plan } = await setup();
    const { token, id } = await createShareLink(owner.principal, plan.id, { label: "Client" });
    const principal = (await principalFromShareToken(token)) as SharePrincipal;
    await recordShareView(principal);
    await recordShareView(principal);
    const [listed] = await getShareLinks(owner.principal, plan.id);
    expect(listed).toMatchObject({ id, label: "Client", viewCount: 2, createdByName: "Owner" });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("validates labels and expiry", async () => {
    const { owner, plan } = await setup();
    await expect(createShareLink(owner.principal, plan.id, { label: "x".repeat(81) })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const err = await createShareLink(owner.principal, plan.id, { expiresInDays: "0" }).catch((e) => e);
    expect(err.fieldErrors.expiresInDays).toEqual(["Expiry must be at least 1 day."]);
    await expect(createShareLink(owner.principal, plan.id, { expiresInDays: "abc" })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe("viewer role on a plan", () => {
  it("makes a member read-only on one plan, and only managers decide it", async () => {
    const { owner, ws, plan, other } = await setup();
    const member = await user("Member");
    const outsider = await user("Outsider");
    await inviteMember(owner.principal, ws.id, { email: member.email });

    await expect(
      setPlanRole(member.principal, plan.id, member.principal.userId, { role: "viewer" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await setPlanRole(owner.principal, plan.id, member.principal.userId, { role: "viewer" });
    expect((await getPlan(member.principal, plan.id)).role).toBe("viewer");
    expect((await getPlan(member.principal, other.id)).role).toBe("editor");
    await expect(updatePlan(member.principal, plan.id, { title: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createShareLink(member.principal, plan.id, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      (await getPlanAccess(owner.principal, plan.id)).find((m) => m.userId === member.principal.userId)?.planRole,
    ).toBe("viewer");

    await setPlanRole(owner.principal, plan.id, member.principal.userId, { role: "editor" });
    expect((await getPlan(member.principal, plan.id)).role).toBe("editor");

    await expect(
      setPlanRole(owner.principal, plan.id, owner.principal.userId, { role: "viewer" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      setPlanRole(owner.principal, plan.id, outsider.principal.userId, { role: "viewer" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setPlanRole(owner.principal, plan.id, member.principal.userId, { role: "owner" }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(getPlanAccess(outsider.principal, plan.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
