import { apiRoute } from "@/lib/api";
import { planSections } from "@/lib/plan/template";
import { deletePlan, getPlan, updatePlan } from "@/lib/services/plans";

type P = { id: string };

export const GET = apiRoute<P>(async ({ principal, params }) => {
  const { plan, role, workspaceName } = await getPlan(principal, params.id);
  return { ...plan, workspaceName, role, sections: planSections };
});
export const PATCH = apiRoute<P>(async ({ principal, params, body }) => updatePlan(principal, params.id, await body()));
export const DELETE = apiRoute<P>(async ({ principal, params }) => {
  await deletePlan(principal, params.id);
  return null;
});
