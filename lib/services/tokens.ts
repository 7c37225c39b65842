import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { insertToken, listTokens, revokeTokenRow, consumeTokenByHash } from "@/db/queries/tokens";
import { requireUser, type Principal } from "@/lib/access";
import { NotFoundError, parseInput } from "@/lib/errors";
import { uuid } from "@/lib/validation/common";
import { createTokenInput } from "@/lib/validation/token";

export const TOKEN_PREFIX = "pw_";

/**
 * Tokens carry 256 random bits, so a fast digest is enough to store them safely
 * (no dictionary to guess from), and lookup by digest is an indexed equality.
 */
export const digestToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(principal: Principal | null, input: unknown) {
  const who = requireUser(principal);
  const { name } = parseInput(createTokenInput, input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await insertToken({
    userId: who.userId,
    name,
    tokenHash: digestToken(token),
    prefix: token.slice(0, 10),
  });
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, token };
}

export async function listApiTokens(principal: Principal | null) {
  return listTokens(requireUser(principal).userId);
}

export async function revokeApiToken(principal: Principal | null, id: string) {
  const who = requireUser(principal);
  if (!uuid.safeParse(id).success || !(await revokeTokenRow(who.userId, id))) throw new NotFoundError("Token");
}

/** The principal behind a bearer token, or null for an unknown or revoked one. */
export async function principalFromToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const userId = await consumeTokenByHash(digestToken(token));
  return userId ? { kind: "user", userId } : null;
}
