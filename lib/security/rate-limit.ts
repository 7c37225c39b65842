/**
 * Sign-in and sign-up rate limits, per account and per address. In memory on a single instance;
 * shared through Redis when REDIS_URL is set, so several instances count together.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

type Limits = { points: number; duration: number };

const limit = (name: string, fallback: number) => {
  const parsed = z.coerce.number().int().min(1).safeParse(process.env[name]);
  return parsed.success ? parsed.data : fallback;
};

/**
 * Failed sign-ins per email per 15 minutes, sign-in attempts per address per 15 minutes, sign-ups per
 * address per hour. Each can be changed by its environment variable (README).
 */
export const LIMITS = {
  signInPerAccount: { points: limit("SIGNIN_FAILURES_PER_ACCOUNT", 10), duration: 15 * 60 },
  signInPerAddress: { points: limit("SIGNIN_ATTEMPTS_PER_ADDRESS", 50), duration: 15 * 60 },
  signUpPerAddress: { points: limit("SIGNUPS_PER_ADDRESS", 20), duration: 60 * 60 },
} satisfies Record<string, Limits>;

type Name = keyof typeof LIMITS;

const KEY = Symbol.for("planwright.rateLimiters");
const holder = globalThis as { [KEY]?: Map<Name, RateLimiterAbstract> };

async function limiter(name: Name): Promise<RateLimiterAbstract> {
  const map = (holder[KEY] ??= new Map());
  let l = map.get(name);
  if (!l) {
    const opts = { keyPrefix: `planwright:rl:${name}`, ...LIMITS[name] };
    const url = process.env.REDIS_URL;
    if (url) {
      // Loaded lazily so single-instance installs never touch Redis.
      const { Redis } = await import("ioredis");
      const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      client.on("error", () => {}); // the insurance limiter below takes over while Redis is away
      l = new RateLimiterRedis({ storeClient: client, insuranceLimiter: new RateLimiterMemory(opts), ...opts });
    } else {
      l = new RateLimiterMemory(opts);
    }
    map.set(name, l);
  }
  return l;
}

/** 429, with a sentence that says when to try again. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, 429);
  }
}

/** Count one attempt against `key`; throws RateLimitedError once the limit is used up. */
export async function consume(name: Name, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key.toLowerCase());
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new RateLimitedError(err.msBeforeNext / 1000);
    throw err;
  }
}

/** Whether `key` is currently blocked, without counting an attempt. */
export async function isLimited(name: Name, key: string): Promise<number | null> {
  const res = await (await limiter(name)).get(key.toLowerCase());
  return res && res.consumedPoints >= LIMITS[name].points ? res.msBeforeNext / 1000 : null;
}

/** Forget `key` (a successful sign-in clears the account's failures). */
export async function reset(name: Name, key: string): Promise<void> {
  await (await limiter(name)).delete(key.toLowerCase());
}
