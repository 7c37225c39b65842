import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users, userTokens } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import { userIdFromCookies } from "@/lib/collab/auth";
import { outboxMails } from "@/lib/testing/outbox";
import { ValidationError } from "@/lib/errors";
import {
  getAccount,
  requestPasswordReset,
  resendVerification,
  resetLinkWorks,
  resetPassword,
  verifyEmail,
} from "./account";
import { sessionStillValid, signUp, verifyCredentials } from "./users";

useTestDatabase();

const password = "correct horse battery";
const newPassword = "another long passphrase";

/** The token in the link of the newest mail of `kind` to `to`, as the person would click it. */
async function linkToken(to: string, kind: string) {
  const row = (await outboxMails(to, kind)).at(-1);
  return row ? /token=([A-Za-z0-9_-]+)/.exec(row.text)?.[1] : undefined;
}

const mailsTo = outboxMails;

describe("password reset", () => {
  it("answers alike for an unknown email and mails nothing", async () => {
    await signUp({ name: "Known", email: "known@example.com", password });
    const known = await requestPasswordReset({ email: "Known@Example.com" }, "10.9.0.1");
    const unknown = await requestPasswordReset({ email: "nobody@example.com" }, "10.9.0.1");
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(await mailsTo("known@example.com", "password_reset")).toHaveLength(1);
    expect(await mailsTo("nobody@example.com", "password_reset")).toHaveLength(0);
  });

  it("stores only the token's SHA-256; the link works once and ends the sessions issued before", async () => {
    const user = await signUp({ name: "Rita", email: "rita@example.com", password });
    const before = (await verifyCredentials({ email: "rita@example.com", password }))!;
    expect(await sessionStillValid(user.id, before.sessionVersion)).toBe(true);

    await requestPasswordReset({ email: "rita@example.com" }, "10.9.0.2");
    const token = (await linkToken("rita@example.com", "password_reset"))!;
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const db = await getDb();
    const stored = await db.select().from(userTokens).where(eq(userTokens.userId, user.id));
    const reset = stored.filter((t) => t.purpose === "password_reset");
    expect(reset).toHaveLength(1);
    expect(reset[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(reset[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(reset[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    expect(await resetLinkWorks(token)).toBe(true);
    const err = await resetPassword({ token, password: "short" }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors.password).toEqual(["Password must be at least 10 characters."]);

    await resetPassword({ token, password: newPassword });
    expect(await verifyCredentials({ email: "rita@example.com", password })).toBeNull();
    expect(await verifyCredentials({ email: "rita@example.com", password: newPassword })).not.toBeNull();
    expect(await sessionStillValid(user.id, before.sessionVersion)).toBe(false);
    expect(await sessionStillValid(user.id, before.sessionVersion + 1)).toBe(true);

    // Single use.
    expect(await resetLinkWorks(token)).toBe(false);
    const again = await resetPassword({ token, password: "yet another passphrase" }).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationError);
    expect(again.message).toMatch(/expired or was already used/);
    expect(await verifyCredentials({ email: "rita@example.com", password: newPassword })).not.toBeNull();
  });

  it("refuses an expired link and a made-up one", async () => {
    const user = await signUp({ name: "Exp", email: "exp@example.com", password });
    await requestPasswordReset({ email: "exp@example.com" }, "10.9.0.3");
    const token = (await linkToken("exp@example.com", "password_reset"))!;
    const db = await getDb();
    await db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.userId, user.id));
    expect(await resetLinkWorks(token)).toBe(false);
    await expect(resetPassword({ token, password: newPassword })).rejects.toBeInstanceOf(ValidationError);
    await expect(resetPassword({ token: "A".repeat(43), password: newPassword })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await verifyCredentials({ email: "exp@example.com", password })).not.toBeNull();
  });

  it("mails an account at most five links an hour, and says the same after that", async () => {
    await signUp({ name: "Flood", email: "flood@example.com", password });
    for (let i = 0; i < 7; i++) await requestPasswordReset({ email: "flood@example.com" }, `10.9.1.${i}`);
    expect(await mailsTo("flood@example.com", "password_reset")).toHaveLength(5);
  });
});

describe("email verification", () => {
  it("sign-up mails a single-use link that marks the address verified", async () => {
    const user = await signUp({ name: "Vera", email: "vera@example.com", password });
    const principal = { kind: "user" as const, userId: user.id };
    expect((await getAccount(principal)).emailVerified).toBe(false);
    const token = (await linkToken("vera@example.com", "email_verification"))!;
    expect(token).toBeTruthy();
    expect(await verifyEmail("not a token")).toBe(false);
    expect(await verifyEmail(token)).toBe(true);
    expect(await verifyEmail(token)).toBe(false);
    expect((await getAccount(principal)).emailVerified).toBe(true);
    await expect(resendVerification(principal)).rejects.toThrow(/already verified/);
  });

  it("resends a new link on request", async () => {
    const user = await signUp({ name: "Otto", email: "otto@example.com", password });
    await resendVerification({ kind: "user", userId: user.id });
    expect(await mailsTo("otto@example.com", "email_verification")).toHaveLength(2);
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.emailVerifiedAt).toBeNull();
  });
});

describe("sessions after a reset", () => {
  it("the collaboration socket refuses a cookie issued before the reset and takes one issued after", async () => {
    const secret = "s".repeat(32);
    const salt = "authjs.session-token";
    const user = await signUp({ name: "Sock", email: "sock@example.com", password });
    const cookie = async (sv: number) =>
      `${salt}=${await encode({ token: { uid: user.id, sv }, secret, salt, maxAge: 3600 })}`;
    const before = await cookie(0);
    expect(await userIdFromCookies(before, secret)).toBe(user.id);
    await requestPasswordReset({ email: "sock@example.com" }, "10.9.2.1");
    await resetPassword({ token: (await linkToken("sock@example.com", "password_reset"))!, password: newPassword });
    expect(await userIdFromCookies(before, secret)).toBeNull();
    expect(await userIdFromCookies(await cookie(1), secret)).toBe(user.id);
  });
});
