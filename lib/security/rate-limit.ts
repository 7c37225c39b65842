/**
 * Sign-in and sign-up rate limits, per account and per address. In memory on a single instance;
 * shared through Redis when REDIS_URL is set, so several instances count together.
 */
import { setting } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

type Limits = { points: number; duration: number };

/**
 * Failed sign-ins per email per 15 minutes, sign-in attempts per address per 15 minutes, sign-ups per
 * address per hour, feedback through one share link per address per hour. Each can be changed by its environment variable (README).
 */
export const LIMITS = {
  get signInPerAccount() {
    return { points: setting("SIGNIN_FAILURES_PER_ACCOUNT"), duration: 15 * 60 };
  },
  get signInPerAddress() {
    return { points: setting("SIGNIN_ATTEMPTS_PER_ADDRESS"), duration: 15 * 60 };
  },
  get signUpPerAddress() {
    return { points: setting("SIGNUPS_PER_ADDRESS"), duration: 60 * 60 };
  },
  /** Password-reset requests per address: counted like sign-in attempts. */
  get passwordResetPerAddress() {
    return { points: setting("SIGNIN_ATTEMPTS_PER_ADDRESS"), duration: 15 * 60 };
  },
  /** Account mails (reset links, verification links) per account per hour; beyond it none are sent. */
  get accountMailPerAccount() {
    return { points: 5, duration: 60 * 60 };
  },
  // Feedback from a share link's readers, per link and address per hour: room for a reader's questions,
  // not for a script filling the members' list.
  get feedbackPerLinkAddress() {
    return { points: 10, duration: 60 * 60 };
  },
} satisfies Record<string, Limits>;

type Name = keyof typeof LIMITS;

const KEY = Symbol.for("planwright.rateLimiters");
const holder = globalThis as { [KEY]?: Map<Name, RateLimiterAbstract> };

async function limiter(name: Name): Promise<RateLimiterAbstract> {
  const map = (holder[KEY] ??= new Map());
  let l = map.get(name);
  if (!l) {
    const opts = { keyPrefix: `planwright:rl:${name}`, ...LIMITS[name] };
    const url = setting("REDIS_URL");
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
