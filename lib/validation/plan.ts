import { z } from "zod";
import { label } from "./common";

export const planStatuses = ["draft", "in_review", "approved", "active", "done"] as const;

export const TITLE_MAX = 120;
export const SUMMARY_MAX = 2000;

export const planTitle = label("Title", TITLE_MAX);
const summary = z.string().trim().max(SUMMARY_MAX, `Summary must be at most ${SUMMARY_MAX} characters.`);

export const createPlanInput = z.object({
  title: planTitle,
  summary: summary.default(""),
});

export const updatePlanInput = z
  .object({
    title: planTitle.optional(),
    summary: summary.optional(),
    status: z
      .enum(planStatuses, { message: "Status must be one of draft, in_review, approved, active, done." })
      .optional(),
    archived: z.boolean({ message: "archived must be true or false." }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update: send title, summary, status or archived." });
