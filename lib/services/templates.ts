import "server-only";
import { z } from "zod";
import { insertPlan } from "@/db/queries/plans";
import { requirePlan, requireUser, requireWorkspace, type Principal } from "@/lib/access";
import { editPlanDocument, readPlanDocument } from "@/lib/collab/server-edit";
import { readDocContent, writeDocContent } from "@/lib/doc";
import { parseInput } from "@/lib/errors";
import { planTitle, TITLE_MAX } from "@/lib/validation/plan";

const duplicateInput = z.object({ title: z.union([planTitle, z.literal("").transform(() => undefined)]).optional() });

/** "Copy of …", cut to the title limit. */
export const copyTitle = (title: string) => `Copy of ${title}`.slice(0, TITLE_MAX);

/**
 * A new plan in the same workspace whose document starts as a copy of the source's current
 * content (managers and editors of the source). The copy is a draft owned by the caller; its
 * sign-offs, approvals and activity start empty.
 */
export async function duplicatePlan(principal: Principal | null, sourcePlanId: string, input: unknown = {}) {
  const { plan: source } = await requirePlan(principal, sourcePlanId, "duplicate");
  const who = requireUser(principal);
  await requireWorkspace(principal, source.workspaceId, "create-plan");
  const { title } = parseInput(duplicateInput, input);
  const content = await readPlanDocument(sourcePlanId, (doc) => readDocContent(doc).content);
  const copy = await insertPlan({
    workspaceId: source.workspaceId,
    title: title ?? copyTitle(source.title),
    summary: source.summary,
    ownerId: who.userId,
  });
  // The copy's first log entry holds the whole content; it is projected before this returns.
  await editPlanDocument(copy.id, (doc) => writeDocContent(doc, content), "duplicate");
  return copy;
}
