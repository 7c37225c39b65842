/**
 * What a failed statement says: its code (SQLSTATE or driver code), and whether the database could
 * not be reached (down, restarting, refusing connections) rather than the statement failing on its
 * own merits. The first is worth retrying, the second is not.
 */

const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** postgres.js's own codes for a connection that went away or never came. */
const DRIVER = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);
/** SQLSTATEs of a server shutting down, starting up or full (class 08 is "connection exception"). */
const SERVER = new Set(["57P01", "57P02", "57P03", "53300"]);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The first error code in `err` or the errors it wraps (Drizzle wraps the driver's): a SQLSTATE such as "23503". */
export function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = codeOf(e);
    if (code) return code;
  }
  return undefined;
}

/** True when `err` (or an error it wraps, e.g. Drizzle's query error) says the database is unreachable. */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = codeOf(e);
    if (!code) continue;
    if (NETWORK.has(code) || DRIVER.has(code) || SERVER.has(code) || code.startsWith("08")) return true;
  }
  return false;
}
