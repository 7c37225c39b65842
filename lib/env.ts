import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const flag = (name: string) =>
  z
    .enum(["true", "false", "1", "0", ""], { message: `${name} must be true or false` })
    .optional()
    .transform((v) => v === "true" || v === "1");

const count = (name: string, fallback: number, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a whole number from ${min} to ${max}` })
    .int(`${name} must be a whole number from ${min} to ${max}`)
    .min(min, `${name} must be a whole number from ${min} to ${max}`)
    .max(max, `${name} must be a whole number from ${min} to ${max}`)
    .default(fallback);

/** TRUST_PROXY as a flag (the app server and the standalone collaboration process read it alike). */
export const trustProxy = flag("TRUST_PROXY");

const fields = {
  NODE_ENV: z
    .enum(["development", "production", "test"], { message: "NODE_ENV must be development, production or test" })
    .default("development"),
  PORT: count("PORT", 3000, 1, 65535),
  HOSTNAME: z.string().default("0.0.0.0"),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATABASE_POOL_SIZE: count("DATABASE_POOL_SIZE", 10, 1, 1000),
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
  SIGNIN_FAILURES_PER_ACCOUNT: count("SIGNIN_FAILURES_PER_ACCOUNT", 10, 1, 1_000_000),
  SIGNIN_ATTEMPTS_PER_ADDRESS: count("SIGNIN_ATTEMPTS_PER_ADDRESS", 50, 1, 1_000_000),
  SIGNUPS_PER_ADDRESS: count("SIGNUPS_PER_ADDRESS", 20, 1, 1_000_000),
  /** The Chromium that prints PDF exports. */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** The largest schedule file (CSV, MS Project XML, Excel) an import reads, in bytes. */
  IMPORT_MAX_BYTES: count("IMPORT_MAX_BYTES", 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  /** When set, /api/metrics wants `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optional,
  /** Outgoing mail server; unset → mail is written to the server log instead of sent. */
  SMTP_URL: optional.pipe(
    z
      .string()
      .regex(
        /^smtps?:\/\/[^/?#]+/,
        "SMTP_URL must be an smtp:// or smtps:// URL, like smtp://user:pass@mail.example.com:587",
      )
      .optional(),
  ),
  /** The sender of every mail. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      "MAIL_FROM must be an address, like planwright@example.com or Planwright <planwright@example.com>",
    )
    .default("Planwright <planwright@localhost>"),
  /** Where people reach this server: the base of every link in a mail. */
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      message: "PUBLIC_URL must be an http:// or https:// URL, like https://plans.example.com",
    })
    .transform((v) => v.replace(/\/+$/, ""))
    .default("http://localhost:3000"),
  /** The e2e server keeps CSP reports in memory and lists them (app/api/csp-report). */
  CSP_REPORTS_EXPOSED: flag("CSP_REPORTS_EXPOSED"),
  /** Let webhooks reach loopback and private addresses (tests, a receiver on the same host). */
  WEBHOOKS_ALLOW_PRIVATE: flag("WEBHOOKS_ALLOW_PRIVATE"),
};

const schema = z.object(fields);
type Fields = typeof fields;
type Settings = z.infer<typeof schema>;

export type Env = Settings & { AUTH_SECRET: string };

/** A secret shorter than this is refused in production. */
export const MIN_SECRET_LENGTH = 32;

export class EnvError extends Error {}

type Source = Record<string, string | undefined>;

/** A blank variable means "unset", so its default applies. */
const given = (source: Source, name: string) => (source[name]?.trim() ? source[name] : undefined);

/** Each message names its variable; zod's own ones get the name in front. */
const sentence = (name: string, message: string) => (message.startsWith(name) ? message : `${name}: ${message}`);

/**
 * One variable, validated, as the environment holds it at this call: nothing is cached, because
 * tests point DATABASE_URL at a database of their own at run time. AUTH_SECRET is not required here
 * (`next build` loads these modules without one); start-up checks it through loadEnv.
 */
export function setting<K extends keyof Fields>(name: K, source: Source = process.env): Settings[K] {
  const parsed = fields[name].safeParse(given(source, name));
  if (!parsed.success)
    throw new EnvError(`The environment is invalid: ${sentence(name, parsed.error.issues[0]?.message ?? "invalid")}.`);
  return parsed.data as Settings[K];
}

/**
 * Validate the environment once at start-up. In production a missing or weak AUTH_SECRET
 * stops start-up with a sentence; in development a generated one is kept under the data folder.
 */
export function loadEnv(source: Source = process.env): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(fields).map((k) => [k, given(source, k)])));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${sentence(i.path.join("."), i.message)}.`);
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

/**
 * The named variables as given, blank ones left out: for the modules that validate settings of their
 * own (the collaboration limits, the standalone collaboration process) without reading process.env.
 */
export function variables(names: readonly string[], source: Source = process.env): Source {
  return Object.fromEntries(names.flatMap((n) => (given(source, n) ? [[n, source[n]!.trim()]] : [])));
}

/** Which OAuth providers are switched on by their variables. */
export function oauthProviders(source: Source = process.env) {
  return {
    github: Boolean(setting("AUTH_GITHUB_ID", source) && setting("AUTH_GITHUB_SECRET", source)),
    google: Boolean(setting("AUTH_GOOGLE_ID", source) && setting("AUTH_GOOGLE_SECRET", source)),
  };
}
