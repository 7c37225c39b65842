/**
 * Idempotency-Key on POST: the first answer to a key is kept for a day (per user), so a client that
 * retries after a lost response creates nothing twice. The same key with another request is refused.
 */
import "server-only";
import { createHash } from "node:crypto";
import { findIdempotent, storeIdempotent } from "@/db/queries/idempotency";
import { requireUser, type Principal } from "@/lib/access";
import { ValidationError } from "@/lib/errors";

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Run `create` (which answers with a status and a body) once per key. Without a key it simply runs.
 * Only successful answers are kept: a refused request may be retried with the same key.
 */
export async function idempotent(
  principal: Principal | null,
  key: string | null,
  request: { method: string; path: string; body: unknown },
  create: () => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>,
): Promise<Response> {
  if (key === null) {
    const out = await create();
    return Response.json(out.body, { status: out.status, headers: out.headers });
  }
  const who = requireUser(principal);
  if (!KEY.test(key))
    throw new ValidationError("Idempotency-Key must be 1 to 255 visible ASCII characters.", {
      "Idempotency-Key": ["Use 1 to 255 visible ASCII characters, such as a UUID."],
    });
  const requestHash = createHash("sha256")
    .update(`${request.method} ${request.path}\n${JSON.stringify(request.body)}`)
    .digest("hex");
  const stored = await findIdempotent(who.userId, key);
  if (stored) {
    if (stored.requestHash !== requestHash)
      throw new ValidationError("This Idempotency-Key was used for a different request. Use a new key.", {
        "Idempotency-Key": ["Already used with another request."],
      });
    return Response.json(stored.body, { status: stored.status, headers: { "Idempotent-Replayed": "true" } });
  }
  const out = await create();
  if (out.status >= 200 && out.status < 300)
    await storeIdempotent({ userId: who.userId, key, requestHash, status: out.status, body: out.body });
  return Response.json(out.body, { status: out.status, headers: out.headers });
}
