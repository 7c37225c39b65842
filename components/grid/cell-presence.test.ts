import { describe, expect, it } from "vitest";
import { samePeerRows, sameSnapshot, type CellPeer } from "./cell-presence";

const ann: CellPeer = { clientId: 1, name: "Ann", color: "#112233" };
const bob: CellPeer = { clientId: 2, name: "Bob", color: "#445566" };

describe("sameSnapshot (a grid re-renders only when its own presence changed)", () => {
  it("is true for the same people in the same cells, read again into new objects", () => {
    const a = new Map([
      ["r1\u0000c1", [ann]],
      ["r2\u0000c2", [bob, ann]],
    ]);
    const b = new Map([
      ["r1\u0000c1", [{ ...ann }]],
      ["r2\u0000c2", [{ ...bob }, { ...ann }]],
    ]);
    expect(sameSnapshot(a, b)).toBe(true);
    expect(sameSnapshot(new Map(), new Map())).toBe(true);
  });

  it("is false when someone moved, arrived, left, or was renamed or recoloured", () => {
    const before = new Map([["r1\u0000c1", [ann]]]);
    expect(sameSnapshot(before, new Map([["r1\u0000c2", [ann]]]))).toBe(false);
    expect(sameSnapshot(before, new Map([["r1\u0000c1", [ann, bob]]]))).toBe(false);
    expect(sameSnapshot(before, new Map())).toBe(false);
    expect(sameSnapshot(before, new Map([["r1\u0000c1", [{ ...ann, name: "Ann B." }]]]))).toBe(false);
    expect(sameSnapshot(before, new Map([["r1\u0000c1", [{ ...ann, color: "#000000" }]]]))).toBe(false);
  });
});

describe("samePeerRows (a memoized grid row redraws only when its own presence changed)", () => {
  it("compares a row's cells column by column", () => {
    expect(samePeerRows([[], [ann]], [[], [{ ...ann }]])).toBe(true);
    expect(samePeerRows([[], [ann]], [[ann], []])).toBe(false);
    expect(samePeerRows([[]], [[], []])).toBe(false);
  });
});
