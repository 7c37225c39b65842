import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";

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
}) {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row;
}
