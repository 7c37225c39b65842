"use server";

import { revalidatePath } from "next/cache";
import { toActionState } from "@/lib/actions";
import { authedAction } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth";
import { addComment, getPlanComments, postAnnouncement, setResolved } from "@/lib/services/comments";

export type CommentsState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: Awaited<ReturnType<typeof getPlanComments>>;
};

async function run(planIdOf: () => Promise<string>): Promise<CommentsState> {
  try {
    const planId = await planIdOf();
    return { ok: true, data: await getPlanComments(await getPrincipal(), planId) };
  } catch (err) {
    const { ok, message, fieldErrors } = toActionState(err);
    return { ok, message, fieldErrors };
  }
}

/** Post a comment; answers with the plan's comments as they now stand. */
export async function addCommentAction(
  planId: string,
  input: { section: string; targetType?: string | null; targetId?: string | null; body: string },
) {
  return run(async () => (await addComment(await getPrincipal(), planId, input)).planId);
}

export async function setResolvedAction(commentId: string, resolved: boolean) {
  return run(async () => (await setResolved(await getPrincipal(), commentId, resolved)).planId);
}

/** Reload a plan's comments (after someone else may have posted). */
export async function loadCommentsAction(planId: string) {
  return run(async () => planId);
}

export const postAnnouncementAction = authedAction(async (principal, f) => {
  const a = await postAnnouncement(principal, f.planId ?? "", { body: f.body });
  revalidatePath(`/plans/${a.planId}`);
  return { ok: true, message: "Posted. Everyone in the workspace has it in their inbox." };
});
