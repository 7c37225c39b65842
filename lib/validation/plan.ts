import { z } from "zod";
import { priorities } from "@/lib/plan/validation";
import { label } from "./common";

export const planStatuses = ["draft", "in_review", "approved", "active", "done"] as const;

export const TITLE_MAX = 120;
export const SUMMARY_MAX = 2000;

export const planTitle = label("Title", TITLE_MAX);
const summary = z.string().trim().max(SUMMARY_MAX, `Summary must be at most ${SUMMARY_MAX} characters.`);

/** A priority to filter by, from the address bar: anything else means every priority. */
const priorityFilter = z.enum(priorities).optional().catch(undefined);

/** The workspace's plan list, filtered by priority. */
export const planListFilter = z.object({ priority: priorityFilter });

/** The workspace views' filters: done tasks shown or not, tasks of one priority. */
export const viewsFilter = z.object({
  showDone: z.boolean().catch(false).default(false),
  priority: priorityFilter,
});

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
    priority: z.enum(priorities, { message: "Priority must be one of low, medium, high, critical." }).optional(),
    archived: z.boolean({ message: "archived must be true or false." }).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, {
    message: "Nothing to update: send title, summary, status, priority or archived.",
  });
