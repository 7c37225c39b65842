import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { LIMITS, RateLimitedError } from "@/lib/security/rate-limit";
import { signInWithPassword, signUp } from "./users";

useTestDatabase();

const password = "correct horse battery";

describe("sign-in rate limits", () => {
  it("blocks an account after repeated failures, even with the right password, without touching others", async () => {
    await signUp({ name: "Target", email: "target@example.com", password });
    await signUp({ name: "Bystander", email: "bystander@example.com", password });
    for (let i = 0; i < LIMITS.signInPerAccount.points; i++) {
      expect(
        await signInWithPassword({ email: "target@example.com", password: `guess-${i}-xxxxx` }, `10.0.0.${i}`),
      ).toBeNull();
    }
    await expect(signInWithPassword({ email: "TARGET@example.com", password }, "10.0.1.1")).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(await signInWithPassword({ email: "bystander@example.com", password }, "10.0.1.1")).toMatchObject({
      name: "Bystander",
    });
  });

  it("limits unknown emails the same way, so the limit reveals nothing", async () => {
    for (let i = 0; i < LIMITS.signInPerAccount.points; i++) {
      await signInWithPassword({ email: "ghost@example.com", password: "whatever-password" }, `10.1.0.${i}`);
    }
    const err = await signInWithPassword(
      { email: "ghost@example.com", password: "whatever-password" },
      "10.1.1.1",
    ).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.status).toBe(429);
    expect(err.message).toMatch(/Try again in \d+ minutes?\./);
  });

  it("limits attempts per address across accounts, and a success clears an account's failures", async () => {
    await signUp({ name: "Clear", email: "clear@example.com", password });
    for (let i = 0; i < 3; i++)
      await signInWithPassword({ email: "clear@example.com", password: "nope-nope-nope" }, "10.2.0.1");
    expect(await signInWithPassword({ email: "clear@example.com", password }, "10.2.0.1")).not.toBeNull();

    const address = "10.3.0.1";
    for (let i = 0; i < LIMITS.signInPerAddress.points; i++) {
      await signInWithPassword({ email: `spray${i}@example.com`, password: "whatever-password" }, address);
    }
    await expect(signInWithPassword({ email: "clear@example.com", password }, address)).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(await signInWithPassword({ email: "clear@example.com", password }, "10.3.0.2")).not.toBeNull();
  });

  it("limits sign-ups per address", async () => {
    const address = "10.4.0.1";
    for (let i = 0; i < LIMITS.signUpPerAddress.points; i++) {
      await signUp({ name: "Bulk", email: `bulk${i}@example.com`, password }, address);
    }
    await expect(signUp({ name: "Bulk", email: "bulk-last@example.com", password }, address)).rejects.toBeInstanceOf(
      RateLimitedError,
    );
  });
});
