import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { findUsableToken, insertUserToken, resetPasswordWithToken, verifyEmailWithToken } from "@/db/queries/mail";
import { findUserByEmail, findUserById, setEmailDigest } from "@/db/queries/users";
import { requireUser, type Principal } from "@/lib/access";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { appUrl, mailEnabled, queueMail } from "@/lib/mail/outbox";
import { emailVerification, passwordReset } from "@/lib/mail/templates";
import { consume, RateLimitedError, reset } from "@/lib/security/rate-limit";
import { hashPassword } from "@/lib/services/users";
import { emailDigestInput, forgotPasswordInput, mailedToken, resetPasswordInput } from "@/lib/validation/auth";

/** How long a reset link works. */
export const RESET_MINUTES = 30;
const VERIFY_HOURS = 72;

export { mailEnabled };

/** 256 random bits for the link; only the SHA-256 digest is stored (like API tokens). */
const newToken = () => randomBytes(32).toString("base64url");
export const digestToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Person = { id: string; name: string; email: string };

/**
 * At most a few account mails per account per hour; beyond that the request is answered as usual
 * and nothing is sent, so the limit says nothing about whether the account exists.
 */
async function mayMail(key: string) {
  try {
    await consume("accountMailPerAccount", key);
    return true;
  } catch (err) {
    if (err instanceof RateLimitedError) return false;
    throw err;
  }
}

/** Mail a link that confirms the address of a password account. */
export async function sendVerificationMail(user: Person) {
  const token = newToken();
  await insertUserToken(
    user.id,
    "email_verification",
    digestToken(token),
    new Date(Date.now() + VERIFY_HOURS * 3600_000),
  );
  await queueMail([
    {
      to: user.email,
      kind: "email_verification",
      mail: emailVerification({ name: user.name, url: appUrl(`/verify-email?token=${token}`) }),
    },
  ]);
}

/**
 * "Forgot password": mail a single-use reset link if the address has an account. The answer is the
 * same either way; attempts per address are limited like sign-ins.
 */
export async function requestPasswordReset(input: unknown, address: string) {
  const { email } = parseInput(forgotPasswordInput, input);
  await consume("passwordResetPerAddress", address);
  const user = await findUserByEmail(email);
  if (user && (await mayMail(`reset:${email}`))) {
    const token = newToken();
    await insertUserToken(user.id, "password_reset", digestToken(token), new Date(Date.now() + RESET_MINUTES * 60_000));
    await queueMail([
      {
        to: user.email,
        kind: "password_reset",
        mail: passwordReset({ name: user.name, url: appUrl(`/reset-password?token=${token}`), minutes: RESET_MINUTES }),
      },
    ]);
  }
  return { email };
}

const staleLink = "This reset link has expired or was already used. Ask for a new one.";

/** Whether a reset link still works (the page says so before asking for a password). */
export async function resetLinkWorks(token: unknown) {
  const parsed = mailedToken.safeParse(token);
  return parsed.success && (await findUsableToken(digestToken(parsed.data), "password_reset", new Date())) !== null;
}

/**
 * Set a new password with a reset link: the link is used up, every session of the account issued
 * before ends (lib/auth.ts compares session versions), and the old password stops working.
 */
export async function resetPassword(input: unknown) {
  // The token is a hidden field: a bad one is said above the form, not under a field nobody sees.
  if (!mailedToken.safeParse((input as { token?: unknown } | null)?.token).success)
    throw new ValidationError(staleLink);
  const { token, password } = parseInput(resetPasswordInput, input);
  const user = await resetPasswordWithToken(digestToken(token), await hashPassword(password), new Date());
  if (!user) throw new ValidationError(staleLink);
  await reset("signInPerAccount", user.email);
  return { email: user.email };
}

/** Confirm an address from its mailed link; false when the link does not work (any more). */
export async function verifyEmail(token: unknown) {
  const parsed = mailedToken.safeParse(token);
  return parsed.success && (await verifyEmailWithToken(digestToken(parsed.data), new Date())) !== null;
}

/** What the signed-in person's own pages show about their account. */
export async function getAccount(principal: Principal | null) {
  const user = await findUserById(requireUser(principal).userId);
  if (!user) throw new NotFoundError("Account");
  return {
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    emailDigest: user.emailDigest,
    mailEnabled: mailEnabled(),
  };
}

/** Send the verification link again ("Verify your email" banner). */
export async function resendVerification(principal: Principal | null) {
  const user = await findUserById(requireUser(principal).userId);
  if (!user) throw new NotFoundError("Account");
  if (user.emailVerifiedAt) throw new ConflictError("Your email is already verified.");
  if (!(await mayMail(`verify:${user.id}`)))
    throw new ConflictError(
      "A verification mail was sent several times in the last hour. Check your inbox, or try later.",
    );
  await sendVerificationMail(user);
  return { email: user.email };
}

/** Switch the daily summary of due and overdue tasks on or off. */
export async function setDigestPreference(principal: Principal | null, input: unknown) {
  const who = requireUser(principal);
  const { digest } = parseInput(emailDigestInput, input);
  await setEmailDigest(who.userId, digest === "on");
  return { digest: digest === "on" };
}
