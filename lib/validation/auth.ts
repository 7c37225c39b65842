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
