/** Tests only: the mails queued for one address, of one kind, oldest first. */
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailOutbox } from "@/db/schema";

export async function outboxMails(to: string, kind: string) {
  const db = await getDb();
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, to), eq(mailOutbox.kind, kind)))
    .orderBy(asc(mailOutbox.createdAt));
}
