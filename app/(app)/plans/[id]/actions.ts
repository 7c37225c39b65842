"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { updatePlan } from "@/lib/services/plans";

export const updatePlanDetailsAction = authedAction(async (principal, f) => {
  const plan = await updatePlan(principal, f.planId ?? "", {
    title: f.title,
    summary: f.summary ?? "",
    status: f.status,
    priority: f.priority,
  });
  revalidatePath(`/plans/${plan.id}`);
  revalidatePath(`/workspaces/${plan.workspaceId}`);
  return { ok: true, message: "Saved." };
});
