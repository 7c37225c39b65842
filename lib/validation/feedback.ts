import { z } from "zod";
import { planSections } from "@/lib/plan/template";

export const FEEDBACK_NAME_MAX = 80;
export const FEEDBACK_BODY_MAX = 2000;

const sectionIds = planSections.map((s) => s.id) as [string, ...string[]];

/** A link reader's question or comment on one section, signed with a name. */
export const feedbackInput = z.object({
  section: z.enum(sectionIds, { message: "Choose the section your feedback is about." }),
  kind: z.enum(["question", "comment"], { message: "Choose question or comment." }),
  name: z
    .string({ message: "Give your name." })
    .trim()
    .min(1, "Give your name, so the team knows who is asking.")
    .max(FEEDBACK_NAME_MAX, `A name must be at most ${FEEDBACK_NAME_MAX} characters.`),
  body: z
    .string({ message: "Write your question or comment." })
    .trim()
    .min(1, "Write your question or comment.")
    .max(FEEDBACK_BODY_MAX, `Feedback must be at most ${FEEDBACK_BODY_MAX.toLocaleString("en")} characters.`),
});

/** A member's answer to one item. */
export const feedbackReplyInput = z.object({
  reply: z
    .string({ message: "Write a reply." })
    .trim()
    .min(1, "Write a reply.")
    .max(FEEDBACK_BODY_MAX, `A reply must be at most ${FEEDBACK_BODY_MAX.toLocaleString("en")} characters.`),
});
