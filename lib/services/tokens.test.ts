import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiTokens } from "@/db/schema";
import { useTestDatabase } from "@/db/testing";
import type { Principal } from "@/lib/access";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createApiToken, digestToken, listApiTokens, principalFromToken, revokeApiToken } from "./tokens";
import { signUp } from "./users";

useTestDatabase();

describe("personal API tokens", () => {
  it("stores only a digest, authenticates with the secret and stops at revocation", async () => {
    const u = await signUp({ name: "Tok", email: "tok@example.com", password: "correct horse battery" });
    const me: Principal = { kind: "user", userId: u.id };
    const created = await createApiToken(me, { name: "CI" });
    expect(created.token).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);

    const rows = await (await getDb()).select().from(apiTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(digestToken(created.token));
    expect(JSON.stringify(rows)).not.toContain(created.token);

    expect(await principalFromToken(created.token)).toEqual(me);
    expect(await principalFromToken(created.token + "x")).toBeNull();
    expect(await principalFromToken("garbage")).toBeNull();
    expect((await listApiTokens(me))[0]?.lastUsedAt).toBeInstanceOf(Date);

    const other = await signUp({ name: "Other", email: "other@example.com", password: "correct horse battery" });
    await expect(revokeApiToken({ kind: "user", userId: other.id }, created.id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeApiToken(me, created.id);
    expect(await principalFromToken(created.token)).toBeNull();
    expect(await listApiTokens(me)).toEqual([]);
    await expect(createApiToken(me, { name: "" })).rejects.toBeInstanceOf(ValidationError);
  });
});
