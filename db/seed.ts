import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Db } from "./index";
import { memberships, plans, users, workspaces } from "./schema";

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
  await db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ name: "Dana Demo", email: DEMO_EMAIL, passwordHash }).returning();
    const [ws] = await tx.insert(workspaces).values({ name: "Demo workspace", createdBy: user!.id }).returning();
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId: user!.id, role: "owner" });
    await tx.insert(plans).values([
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
    ]);
  });
  return true;
}
