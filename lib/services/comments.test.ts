import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { mentionToken } from "@/lib/validation/comments";
import { addComment, getAnnouncements, getPlanComments, postAnnouncement, setResolved } from "./comments";
import { getInbox, getUnreadCount, markAllRead, markRead } from "./inbox";
import { createPlan } from "./plans";
import { createShareLink, principalFromShareToken, setPlanRole } from "./sharing";
import { signUp } from "./users";
import { createWorkspace, inviteMember, removeMember } from "./workspaces";

useTestDatabase();

let n = 0;
async function user(name: string): Promise<UserPrincipal & { name: string; email: string }> {
  const email = `${name.toLowerCase()}${++n}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { kind: "user", userId: u.id, name, email };
}

async function team() {
  const owner = await user("Olga");
  const member = await user("Mika");
  const viewer = await user("Vera");
  const outsider = await user("Mallory");
  const ws = await createWorkspace(owner, { name: "Team" });
  await inviteMember(owner, ws.id, { email: member.email, role: "member" });
  await inviteMember(owner, ws.id, { email: viewer.email, role: "member" });
  const plan = await createPlan(owner, ws.id, { title: "Rollout" });
  await setPlanRole(owner, plan.id, viewer.userId, { role: "viewer" });
  return { owner, member, viewer, outsider, ws, plan };
}

describe("comments, mentions and the inbox (real PostgreSQL)", () => {
  it("delivers a mention to the member mentioned, counts it unread, and marks it read", async () => {
    const { owner, member, plan } = await team();
    const c = await addComment(owner, plan.id, {
      section: "risks",
      body: `Can you check this, ${mentionToken("Mika", member.userId)}?`,
    });
    expect(c.body).toContain(mentionToken("Mika", member.userId));

    expect(await getUnreadCount(member)).toBe(1);
    expect(await getUnreadCount(owner)).toBe(0);
    const inbox = await getInbox(member);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      planId: plan.id,
      planTitle: "Rollout",
      actorName: "Olga",
      commentSection: "risks",
    });
    expect(inbox.items[0]!.summary).toBe("Olga mentioned you in Risks of “Rollout”");

    // Someone else's ids mark nothing of mine, and vice versa.
    expect(await markRead(owner, [inbox.items[0]!.id])).toBe(0);
    expect(await markRead(member, [inbox.items[0]!.id])).toBe(1);
    expect(await getUnreadCount(member)).toBe(0);
  });

  it("never mentions someone outside the workspace: the token becomes plain text and nobody is notified", async () => {
    const { owner, outsider, plan } = await team();
    const c = await addComment(owner, plan.id, {
      section: "scope",
      body: `Ping ${mentionToken("Mallory", outsider.userId)}`,
    });
    expect(c.body).toBe("Ping @Mallory");
    expect(await getUnreadCount(outsider)).toBe(0);
    expect((await getInbox(outsider)).items).toHaveLength(0);
  });

  it("does not notify authors of their own mention, and notifies each person once", async () => {
    const { owner, member, plan } = await team();
    await addComment(owner, plan.id, {
      section: "scope",
      body: `${mentionToken("Olga", owner.userId)} ${mentionToken("Mika", member.userId)} ${mentionToken("Mika", member.userId)}`,
    });
    expect(await getUnreadCount(owner)).toBe(0);
    expect(await getUnreadCount(member)).toBe(1);
  });

  it("lets viewers who are members comment, but not share links or outsiders", async () => {
    const { owner, viewer, outsider, plan } = await team();
    await expect(
      addComment(viewer, plan.id, { section: "objectives", body: "Looks good to me." }),
    ).resolves.toMatchObject({ authorId: viewer.userId });

    const link = await createShareLink(owner, plan.id, { label: "Board" });
    const share = (await principalFromShareToken(link.token))!;
    expect(share.kind).toBe("share");
    await expect(addComment(share, plan.id, { section: "objectives", body: "Hello" })).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect((await getPlanComments(share, plan.id)).canComment).toBe(false);

    await expect(addComment(outsider, plan.id, { section: "objectives", body: "Hi" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getPlanComments(outsider, plan.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("bounds and validates what is posted", async () => {
    const { owner, plan } = await team();
    await expect(addComment(owner, plan.id, { section: "risks", body: "   " })).rejects.toBeInstanceOf(ValidationError);
    await expect(addComment(owner, plan.id, { section: "risks", body: "x".repeat(4001) })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(addComment(owner, plan.id, { section: "nowhere", body: "x" })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      addComment(owner, plan.id, { section: "risks", targetType: "risk", body: "x" }),
    ).rejects.toBeInstanceOf(ValidationError);
    const row = await addComment(owner, plan.id, {
      section: "risks",
      targetType: "risk",
      targetId: crypto.randomUUID(),
      body: "<b>not html</b>",
    });
    expect(row.body).toBe("<b>not html</b>");
  });

  it("resolves and reopens, with open counts per section", async () => {
    const { owner, member, outsider, plan } = await team();
    const a = await addComment(owner, plan.id, { section: "schedule", body: "Dates?" });
    await addComment(member, plan.id, { section: "schedule", body: "On it." });
    expect((await getPlanComments(owner, plan.id)).open).toEqual({ schedule: 2 });

    await setResolved(member, a.id, true);
    let got = await getPlanComments(owner, plan.id);
    expect(got.open).toEqual({ schedule: 1 });
    expect(got.comments.find((c) => c.id === a.id)).toMatchObject({ resolvedByName: "Mika" });

    await setResolved(owner, a.id, false);
    got = await getPlanComments(owner, plan.id);
    expect(got.open).toEqual({ schedule: 2 });
    expect(got.comments.find((c) => c.id === a.id)!.resolvedAt).toBeNull();

    await expect(setResolved(outsider, a.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setResolved(owner, "nope", true)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sends announcements from managers to every other member; editors may not announce", async () => {
    const { owner, member, viewer, plan } = await team();
    await expect(postAnnouncement(member, plan.id, { body: "Go live moved" })).rejects.toBeInstanceOf(ForbiddenError);
    await postAnnouncement(owner, plan.id, { body: "Go-live moves to Monday." });
    expect(await getUnreadCount(member)).toBe(1);
    expect(await getUnreadCount(viewer)).toBe(1);
    expect(await getUnreadCount(owner)).toBe(0);
    const item = (await getInbox(viewer)).items[0]!;
    expect(item).toMatchObject({
      kind: "announcement",
      announcementBody: "Go-live moves to Monday.",
      summary: "Olga posted an update on “Rollout”",
    });
    expect((await getAnnouncements(member, plan.id)).canAnnounce).toBe(false);
    expect((await getAnnouncements(owner, plan.id)).announcements.map((a) => a.body)).toEqual([
      "Go-live moves to Monday.",
    ]);

    expect(await markAllRead(member)).toBe(1);
    expect(await getUnreadCount(member)).toBe(0);
  });

  it("empties a person's inbox of a workspace they left", async () => {
    const { owner, member, ws, plan } = await team();
    await postAnnouncement(owner, plan.id, { body: "Update" });
    expect(await getUnreadCount(member)).toBe(1);
    await removeMember(owner, ws.id, member.userId);
    expect(await getUnreadCount(member)).toBe(0);
    expect((await getInbox(member)).items).toHaveLength(0);
  });
});
