import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** TRUST_PROXY as a flag (the app server and the standalone collaboration process read it alike). */
export const trustProxy = z
  .enum(["true", "false", "1", "0", ""], { message: "TRUST_PROXY must be true or false" })
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  AUTH_SECRET: optional,
  REDIS_URL: optional.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
      .optional(),
  ),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
  PLANWRIGHT_DATA_DIR: z.string().default(".data"),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  TRUST_PROXY: trustProxy,
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

/** A secret shorter than this is refused in production. */
export const MIN_SECRET_LENGTH = 32;

export class EnvError extends Error {}

/**
 * Validate the environment once at start-up. In production a missing or weak AUTH_SECRET
 * stops start-up with a sentence; in development a generated one is kept under the data folder.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Planwright cannot start: the environment is invalid.\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  let secret = env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    if (!secret) {
      throw new EnvError(
        "Planwright cannot start: AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment.",
      );
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new EnvError(
        `Planwright cannot start: AUTH_SECRET is too weak (${secret.length} characters; at least ${MIN_SECRET_LENGTH} are needed). Generate one with \`openssl rand -base64 32\`.`,
      );
    }
  } else if (!secret) {
    secret = devSecret(env.PLANWRIGHT_DATA_DIR);
  }
  return { ...env, AUTH_SECRET: secret };
}

function devSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= MIN_SECRET_LENGTH) return existing;
  } catch {
    // first start: generate below
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Which OAuth providers are switched on by their variables. */
export function oauthProviders(source: Record<string, string | undefined> = process.env) {
  return {
    github: Boolean(source.AUTH_GITHUB_ID && source.AUTH_GITHUB_SECRET),
    google: Boolean(source.AUTH_GOOGLE_ID && source.AUTH_GOOGLE_SECRET),
  };
}
