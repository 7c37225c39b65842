import { describe, expect, it } from "vitest";
import { orderBetween, orderForMove } from "./order";

describe("orderBetween", () => {
  it("takes the mean of two neighbours and steps past the ends", () => {
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(undefined, 1)).toBe(0);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(undefined, undefined)).toBe(1);
  });
});

describe("orderForMove", () => {
  const orders = [1, 2, 3, 4];
  const apply = (from: number, to: number) => {
    const o = orderForMove(orders, from, to)!;
    return orders
      .map((v, i) => ({ i, v: i === from ? o : v }))
      .sort((a, b) => a.v - b.v)
      .map((x) => x.i);
  };

  it("moves a row up, down, to the top and to the bottom", () => {
    expect(apply(2, 1)).toEqual([0, 2, 1, 3]);
    expect(apply(1, 2)).toEqual([0, 2, 1, 3]);
    expect(apply(3, 0)).toEqual([3, 0, 1, 2]);
    expect(apply(0, 3)).toEqual([1, 2, 3, 0]);
  });

  it("does nothing for a move in place or out of range", () => {
    expect(orderForMove(orders, 1, 1)).toBeNull();
    expect(orderForMove(orders, 0, -1)).toBeNull();
    expect(orderForMove(orders, 0, 4)).toBeNull();
  });
});
