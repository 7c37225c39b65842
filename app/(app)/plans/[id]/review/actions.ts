"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { addPartApprover, removePartApprover, requestPartSignoff, signOffPart } from "@/lib/services/part-review";
import { addApprover, changeStatus, removeApprover, signOff } from "@/lib/services/review";
import { planStatuses } from "@/lib/validation/plan";
import { ValidationError } from "@/lib/errors";

const refresh = (planId: string) => {
  revalidatePath(`/plans/${planId}`, "layout");
};

export const addApproverAction = authedAction(async (principal, f) => {
  const planId = f.planId ?? "";
  if (!f.userId) throw new ValidationError("Choose a member to add.", { userId: ["Choose a member to add."] });
  await addApprover(principal, planId, { userId: f.userId });
  refresh(planId);
  return { ok: true, message: "Approver added." };
});

export const removeApproverAction = authedAction(async (principal, f) => {
  const planId = f.planId ?? "";
  await removeApprover(principal, planId, { userId: f.userId });
  refresh(planId);
});

export const changeStatusAction = authedAction(async (principal, f) => {
  const planId = f.planId ?? "";
  const status = planStatuses.find((s) => s === f.status);
  if (!status) throw new ValidationError("Choose a status.");
  await changeStatus(principal, planId, status);
  refresh(planId);
  revalidatePath("/workspaces", "layout");
  return {
    ok: true,
    message: status === "in_review" ? "Sent for review. The approvers have been asked to sign off." : "Status updated.",
  };
});

export const signOffAction = authedAction(async (principal, f) => {
  const planId = f.planId ?? "";
  const { status } = await signOff(principal, planId, { decision: f.decision, comment: f.comment ?? "" });
  refresh(planId);
  return {
    ok: true,
    message:
      status === "approved"
        ? "Approved. Every approver has signed off, so the plan is now approved."
        : status === "draft"
          ? "Changes requested. The plan is back in draft."
          : "Approval recorded. Waiting for the other approvers.",
  };
});

export const addPartApproverAction = authedAction(async (principal, f) => {
  await addPartApprover(principal, f.planId ?? "", { part: f.part, userId: f.userId });
  refresh(f.planId ?? "");
  return { ok: true, message: "Approver added." };
});

export const removePartApproverAction = authedAction(async (principal, f) => {
  await removePartApprover(principal, f.planId ?? "", { part: f.part, userId: f.userId });
  refresh(f.planId ?? "");
});

export const signOffPartAction = authedAction(async (principal, f) => {
  await signOffPart(principal, f.planId ?? "", { part: f.part, decision: f.decision, comment: f.comment ?? "" });
  refresh(f.planId ?? "");
  return { ok: true, message: f.decision === "approved" ? "Part approved." : "Changes requested on this part." };
});

export const requestPartSignoffAction = authedAction(async (principal, f) => {
  const { asked } = await requestPartSignoff(principal, f.planId ?? "", { part: f.part });
  refresh(f.planId ?? "");
  return { ok: true, message: `Asked ${asked === 1 ? "its approver" : `its ${asked} approvers`} to sign off.` };
});
