import { describe, expect, it } from "vitest";
import { uuid7 } from "./uuid7";

describe("uuid7", () => {
  it("is a version-7 UUID", () => {
    expect(uuid7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sorts by creation time as text", () => {
    const ids = [uuid7(1_700_000_000_000), uuid7(1_700_000_000_001), uuid7(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect([...ids].reverse().sort((a, b) => a.localeCompare(b))).toEqual(ids);
  });

  it("differs between two ids made in the same millisecond", () => {
    expect(uuid7(5)).not.toBe(uuid7(5));
  });
});
