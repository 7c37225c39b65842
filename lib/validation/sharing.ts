import { z } from "zod";

export const SHARE_LABEL_MAX = 80;
/** Longest a link may live, in days. */
export const SHARE_MAX_DAYS = 366;

/** A checkbox: "on" (or true) when ticked, absent otherwise. */
const flag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** What a link allows beyond reading. */
export const shareOptionsInput = z.object({ allowFeedback: flag, allowDownloads: flag });

export const createShareLinkInput = z.object({
  ...shareOptionsInput.shape,

  label: z.string().trim().max(SHARE_LABEL_MAX, `Label must be at most ${SHARE_LABEL_MAX} characters.`).default(""),
  /** Days until the link stops working; empty or absent = never. */
  expiresInDays: z
    .union([z.literal("").transform(() => null), z.coerce.number(), z.null()])
    .optional()
    .transform((v) => v ?? null)
    .pipe(
      z
        .number()
        .int("Expiry must be a whole number of days.")
        .min(1, "Expiry must be at least 1 day.")
        .max(SHARE_MAX_DAYS, `Expiry can be at most ${SHARE_MAX_DAYS} days.`)
        .nullable(),
    ),
});

export const planMemberRoleInput = z.object({
  role: z.enum(["editor", "viewer"], { message: "Role on a plan must be editor or viewer." }),
});
