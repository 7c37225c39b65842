import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";

/** The columns that name a person in a listing: who, by name and address. */
export const personColumns = { userId: users.id, name: users.name, email: users.email };

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

/** Insert a user; returns undefined when the email is already taken. */
export async function insertUser(values: {
  name: string;
  email: string;
  passwordHash: string | null;
  image?: string | null;
  emailVerifiedAt?: Date | null;
}) {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row;
}

export async function findUserById(id: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Names and addresses of people, for mail. */
export async function recipients(ids: string[]) {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));
}

export async function setEmailDigest(userId: string, on: boolean) {
  const db = await getDb();
  await db.update(users).set({ emailDigest: on }).where(eq(users.id, userId));
}

/** OAuth providers vouch for the address they give. */
export async function markEmailVerified(userId: string) {
  const db = await getDb();
  await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId));
}

/** The account's current session version (lib/auth.ts), or null when the account is gone. */
export async function sessionVersionOf(userId: string): Promise<number | null> {
  const db = await getDb();
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.v ?? null;
}
