import { z } from "zod";
import { email, label } from "./common";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const password = z
  .string({ message: "Password is required." })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`);

export const signUpInput = z.object({
  name: label("Name", 100),
  email,
  password,
});

export const signInInput = z.object({
  email,
  password: z.string().min(1, "Password is required.").max(PASSWORD_MAX),
});

export const forgotPasswordInput = z.object({ email });

/** A token from a mailed link: base64url, as generated (lib/services/account.ts). */
export const mailedToken = z
  .string({ message: "This link is incomplete. Open it again from the mail." })
  .regex(/^[A-Za-z0-9_-]{20,200}$/, "This link is incomplete. Open it again from the mail.");

export const resetPasswordInput = z.object({ token: mailedToken, password });

export const emailDigestInput = z.object({
  digest: z.enum(["on", "off"], { message: "Choose whether to get the daily summary." }),
});
