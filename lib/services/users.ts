import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { findUserByEmail, insertUser, markEmailVerified, sessionVersionOf } from "@/db/queries/users";
import { acceptInvitations } from "@/db/queries/workspaces";
import { ConflictError, parseInput } from "@/lib/errors";
import { consume, isLimited, RateLimitedError, reset } from "@/lib/security/rate-limit";
import { signInInput, signUpInput } from "@/lib/validation/auth";
import { sendVerificationMail } from "./account";

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

/**
 * Create an account from untrusted input; pending invitations for the email become memberships.
 * With `address`, sign-ups from one address are rate limited.
 */
export async function signUp(input: unknown, address?: string) {
  const data = parseInput(signUpInput, input);
  if (address) await consume("signUpPerAddress", address);
  const passwordHash = await hashPassword(data.password);
  const user = await insertUser({ name: data.name, email: data.email, passwordHash });
  if (!user) {
    throw new ConflictError("An account with this email already exists. Sign in instead.", {
      email: ["An account with this email already exists."],
    });
  }
  await acceptInvitations(user.id, user.email);
  await sendVerificationMail(user);
  return { id: user.id, name: user.name, email: user.email };
}

// A fixed hash verified when the email is unknown, so both paths take the same time.
let decoy: Promise<string> | undefined;

/** The user for these credentials, or null. Never says which part was wrong. */
export async function verifyCredentials(input: unknown) {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await findUserByEmail(email);
  if (!user?.passwordHash) {
    decoy ??= hashPassword("planwright-decoy-password");
    await verify(await decoy, password).catch(() => false);
    return null;
  }
  const ok = await verify(user.passwordHash, password).catch(() => false);
  if (!ok) return null;
  await acceptInvitations(user.id, user.email);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

/** Find or create the user behind an OAuth sign-in (matched by verified email). */
export async function userForOAuth(profile: { email: string; name?: string | null; image?: string | null }) {
  const email = profile.email.toLowerCase();
  const existing = await findUserByEmail(email);
  const user =
    existing ??
    (await insertUser({
      name: profile.name || email.split("@")[0]!,
      email,
      passwordHash: null,
      image: profile.image ?? null,
      emailVerifiedAt: new Date(),
    })) ??
    (await findUserByEmail(email));
  if (!user) throw new Error("Could not create the user for this sign-in.");
  // The provider vouches for the address (an account made with a password is verified by this too).
  if (!user.emailVerifiedAt) await markEmailVerified(user.id);
  await acceptInvitations(user.id, user.email);
  return user;
}

/**
 * Sign-in with a password, rate limited per address (every attempt) and per account (failures).
 * Throws RateLimitedError while either limit is used up — for unknown emails too, so the limit
 * reveals nothing about which accounts exist. A success clears the account's failures.
 */
export async function signInWithPassword(input: unknown, address: string) {
  const email =
    typeof (input as { email?: unknown } | null)?.email === "string"
      ? (input as { email: string }).email.trim().toLowerCase()
      : "";
  await consume("signInPerAddress", address);
  const blocked = email ? await isLimited("signInPerAccount", email) : null;
  if (blocked !== null) throw new RateLimitedError(blocked);
  const user = await verifyCredentials(input);
  if (!user) {
    if (email)
      await consume("signInPerAccount", email).catch((err) => {
        if (!(err instanceof RateLimitedError)) throw err;
      });
    return null;
  }
  await reset("signInPerAccount", email);
  return user;
}

/**
 * Whether a session issued at `version` still counts: a password reset raises the account's
 * version, which ends every session issued before it. A deleted account has no sessions.
 */
export async function sessionStillValid(userId: string, version: number) {
  return (await sessionVersionOf(userId)) === version;
}
