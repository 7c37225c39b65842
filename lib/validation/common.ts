import "@/lib/validation/zod-csp";
import { z } from "zod";

export const uuid = z.uuid({ message: "Not a valid id." });

export const email = z
  .string({ message: "Email is required." })
  .trim()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ message: "Enter a valid email address, like name@example.com." }))
  .transform((v) => v.toLowerCase());

/** A short human label (names, titles): trimmed, not empty, bounded. */
export const label = (what: string, max: number) =>
  z
    .string({ message: `${what} is required.` })
    .trim()
    .min(1, `${what} cannot be empty.`)
    .max(max, `${what} must be at most ${max} characters.`);
