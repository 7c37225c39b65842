import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { projectPlan } from "@/lib/collab/projection";
import { fromPlanContent, writeDocContent } from "@/lib/doc";
import { dateInTimeZone } from "@/lib/plan/dates";
import { demoPlanContent } from "@/db/demo-content";
import { markAssignmentsAnnounced } from "@/db/queries/mail";
import type { Db } from "@/db";
import { announcements, collabUpdates, comments, memberships, plans, users, workspaces } from "@/db/schema";

export const DEMO_EMAIL = "demo@planwright.local";
export const DEMO_PASSWORD = "planwright-demo";

/**
 * Create the demo account, workspace and plan unless the demo account exists already.
 * Returns true when something was created.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  if (existing) return false;
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const [userId, planId] = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      // The demo address receives no mail; it is not asked to be verified.
      .values({ name: "Dana Demo", email: DEMO_EMAIL, passwordHash, emailVerifiedAt: new Date() })
      .returning();
    const [ws] = await tx.insert(workspaces).values({ name: "Demo workspace", createdBy: user!.id }).returning();
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId: user!.id, role: "owner" });
    const [main] = await tx
      .insert(plans)
      .values([
        {
          workspaceId: ws!.id,
          ownerId: user!.id,
          title: "Customer portal relaunch",
          status: "active",
          summary:
            "Replace the 2019 customer portal with a self-service portal by the end of Q2, so customers can manage " +
            "orders, invoices and support tickets without calling us. Success means call volume down 30% and a " +
            "portal satisfaction score of at least 4.2 / 5 within three months of launch.",
        },
        {
          workspaceId: ws!.id,
          ownerId: user!.id,
          title: "Warehouse scanner rollout",
          status: "draft",
          summary: "Equip both warehouses with handheld scanners and retire paper pick lists before peak season.",
        },
      ])
      .returning();
    return [user!.id, main!.id] as const;
  });
  // The plan's content lives in its live document: store it as the first update of the log,
  // then project it so the first page view already shows it.
  const doc = new Y.Doc();
  writeDocContent(doc, fromPlanContent(demoPlanContent(dateInTimeZone(new Date(), "UTC"), userId)));
  await db.insert(collabUpdates).values({ planId, data: Y.encodeStateAsUpdate(doc) });
  await projectPlan(planId, doc, db);
  doc.destroy();
  // Its tasks come assigned; nobody is mailed about that.
  await markAssignmentsAnnounced(planId, db);
  // Conversation on the plan: a status update, an open comment and a resolved one.
  await db.insert(announcements).values({
    planId,
    authorId: userId,
    body: "Design is signed off and the accounts journey is in build. The ERP order API is the one thing to watch this month.",
  });
  await db.insert(comments).values([
    {
      planId,
      section: "risks",
      authorId: userId,
      body: "The ERP team confirmed a test endpoint for next week — can we lower the likelihood after that?",
    },
    {
      planId,
      section: "schedule",
      authorId: userId,
      body: "Pilot group invitations go out two days before the pilot starts.",
      resolvedAt: new Date(),
      resolvedBy: userId,
    },
  ]);
  return true;
}
