import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal as Principal } from "@/lib/access";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { signUp, verifyCredentials } from "./users";
import {
  cancelInvitation,
  changeMemberRole,
  createWorkspace,
  deleteWorkspace,
  getMembers,
  getWorkspace,
  inviteMember,
  listMyWorkspaces,
  removeMember,
  renameWorkspace,
} from "./workspaces";

useTestDatabase();

let n = 0;
const email = (who: string) => `${who}${++n}@example.com`;
async function user(who: string) {
  const address = email(who);
  const u = await signUp({ name: who, email: address, password: "correct horse battery" });
  return { principal: { kind: "user", userId: u.id } as Principal, email: address };
}

describe("accounts", () => {
  it("hashes passwords with argon2id and verifies them", async () => {
    const address = email("hash");
    await signUp({ name: "Hash", email: address.toUpperCase(), password: "correct horse battery" });
    expect(await verifyCredentials({ email: address, password: "correct horse battery" })).toMatchObject({
      email: address,
    });
    expect(await verifyCredentials({ email: address, password: "wrong password!" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.com", password: "whatever123" })).toBeNull();
    const { findUserByEmail } = await import("@/db/queries/users");
    expect((await findUserByEmail(address))?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a duplicate email whatever its case", async () => {
    const address = email("dup");
    await signUp({ name: "One", email: address, password: "correct horse battery" });
    const err = await signUp({ name: "Two", email: address.toUpperCase(), password: "correct horse battery" }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.fieldErrors.email).toEqual(["An account with this email already exists."]);
  });
});

describe("workspaces and membership", () => {
  it("creates a workspace with its creator as owner", async () => {
    const { principal } = await user("Owner");
    const ws = await createWorkspace(principal, { name: " Operations " });
    expect(ws.name).toBe("Operations");
    expect(await listMyWorkspaces(principal)).toEqual([
      expect.objectContaining({ id: ws.id, role: "owner", planCount: 0 }),
    ]);
    const renamed = await renameWorkspace(principal, ws.id, { name: "Ops" });
    expect(renamed.name).toBe("Ops");
    await expect(createWorkspace(principal, { name: "" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("lets an invited person in once they sign up with that email", async () => {
    const { principal: owner } = await user("Inviter");
    const ws = await createWorkspace(owner, { name: "Invites" });
    const address = email("newcomer");
    expect(await inviteMember(owner, ws.id, { email: address.toUpperCase(), role: "admin" })).toEqual({
      status: "invited",
      email: address,
      role: "admin",
    });
    expect((await getMembers(owner, ws.id)).invitations).toEqual([
      expect.objectContaining({ email: address, role: "admin" }),
    ]);

    const newcomer = await signUp({ name: "Newcomer", email: address, password: "correct horse battery" });
    const p: Principal = { kind: "user", userId: newcomer.id };
    expect((await getWorkspace(p, ws.id)).role).toBe("admin");
    expect((await getMembers(owner, ws.id)).invitations).toEqual([]);
  });

  it("adds an existing account at once and refuses to add it twice", async () => {
    const { principal: owner } = await user("Adder");
    const existing = await user("Existing");
    const ws = await createWorkspace(owner, { name: "Direct" });
    expect((await inviteMember(owner, ws.id, { email: existing.email })).status).toBe("added");
    expect((await getWorkspace(existing.principal, ws.id)).role).toBe("member");
    await expect(inviteMember(owner, ws.id, { email: existing.email })).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps members out of membership management and non-members out entirely", async () => {
    const { principal: owner } = await user("Boss");
    const member = await user("Member");
    const outsider = await user("Outsider");
    const ws = await createWorkspace(owner, { name: "Guarded" });
    await inviteMember(owner, ws.id, { email: member.email });

    await expect(inviteMember(member.principal, ws.id, { email: email("x") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(member.principal, ws.id, owner.userId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWorkspace(outsider.principal, ws.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMembers(outsider.principal, ws.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteWorkspace(outsider.principal, ws.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getMembers(member.principal, ws.id)).invitations).toEqual([]);
  });

  it("changes roles, removes members and never leaves a workspace without an owner", async () => {
    const { principal: owner } = await user("Founder");
    const other = await user("Other");
    const ws = await createWorkspace(owner, { name: "Roles" });
    await inviteMember(owner, ws.id, { email: other.email, role: "member" });

    await changeMemberRole(owner, ws.id, other.principal.userId, { role: "admin" });
    expect((await getWorkspace(other.principal, ws.id)).role).toBe("admin");
    // an admin cannot demote the owner or make themselves owner
    await expect(changeMemberRole(other.principal, ws.id, owner.userId, { role: "member" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      changeMemberRole(other.principal, ws.id, other.principal.userId, { role: "owner" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // the only owner cannot step down
    await expect(changeMemberRole(owner, ws.id, owner.userId, { role: "member" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(removeMember(owner, ws.id, owner.userId)).rejects.toBeInstanceOf(ConflictError);

    await removeMember(owner, ws.id, other.principal.userId);
    await expect(getWorkspace(other.principal, ws.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(owner, ws.id, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cancels invitations and deletes workspaces for owners only", async () => {
    const { principal: owner } = await user("Closer");
    const admin = await user("Admin");
    const ws = await createWorkspace(owner, { name: "Temporary" });
    await inviteMember(owner, ws.id, { email: admin.email, role: "admin" });
    await inviteMember(owner, ws.id, { email: email("pending") });
    const [inv] = (await getMembers(owner, ws.id)).invitations;
    await cancelInvitation(admin.principal, ws.id, inv!.id);
    await expect(cancelInvitation(owner, ws.id, inv!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteWorkspace(admin.principal, ws.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteWorkspace(owner, ws.id);
    await expect(getWorkspace(owner, ws.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
