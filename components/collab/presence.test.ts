import { describe, expect, it } from "vitest";
import { lookOf, othersOf, peersOf, userOf } from "./presence";

const states = (entries: [number, Record<string, unknown>][]) => ({ clientID: 1, getStates: () => new Map(entries) });

describe("presence decoding (states come from other browsers)", () => {
  it("keeps a plain hex colour and a short name, and falls back for anything else", () => {
    expect(lookOf({ user: { id: "u1", name: "Ann", color: "#112233" } }, 5)).toEqual({ name: "Ann", color: "#112233" });
    const odd = lookOf({ user: { id: "u1", name: "  ", color: "red;background:url(x)" } }, 5);
    expect(odd.name).toBe("Someone");
    expect(odd.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(lookOf({ user: { name: "x".repeat(500) } }, 5).name).toHaveLength(80);
    expect(lookOf({}, 5).name).toBe("Someone");
  });

  it("names a user only when the state carries a short id and a name", () => {
    expect(userOf({ user: { id: "u1", name: "Ann" } }, 2)?.id).toBe("u1");
    expect(userOf({ user: { name: "Ann" } }, 2)).toBeNull();
    expect(userOf({ user: { id: "u".repeat(201), name: "Ann" } }, 2)).toBeNull();
    expect(userOf({ user: { id: "u1", name: 3 } }, 2)).toBeNull();
  });

  it("lists everyone but this browser, and each person once for the status bar", () => {
    const aw = states([
      [1, { user: { id: "me", name: "Me" } }],
      [2, { user: { id: "ann", name: "Ann" }, section: "risks" }],
      [3, { user: { id: "ann", name: "Ann" }, section: "raci" }],
      [4, { cell: { grid: "raci" } }],
      [5, { user: { id: "bob", name: "Bob" }, section: 7 }],
    ]);
    const others = othersOf(aw);
    expect(others.map((o) => o.clientId)).toEqual([2, 3, 4, 5]);
    expect(peersOf(others).map((p) => [p.userId, p.section])).toEqual([
      ["ann", "risks"],
      ["bob", null],
    ]);
  });
});
