import { describe, expect, it } from "vitest";
import { byQuadrant, quadrantOf } from "./stakeholders";

describe("power/interest quadrant", () => {
  it("places each corner of the 1–5 grid", () => {
    expect(quadrantOf({ influence: 5, interest: 5 })).toBe("manage_closely");
    expect(quadrantOf({ influence: 5, interest: 1 })).toBe("keep_satisfied");
    expect(quadrantOf({ influence: 1, interest: 5 })).toBe("keep_informed");
    expect(quadrantOf({ influence: 1, interest: 1 })).toBe("monitor");
  });

  it("counts the middle score as high, on both axes", () => {
    expect(quadrantOf({ influence: 3, interest: 3 })).toBe("manage_closely");
    expect(quadrantOf({ influence: 2, interest: 3 })).toBe("keep_informed");
    expect(quadrantOf({ influence: 3, interest: 2 })).toBe("keep_satisfied");
    expect(quadrantOf({ influence: 2, interest: 2 })).toBe("monitor");
  });

  it("groups stakeholders by quadrant in the grid's order, keeping their own order", () => {
    const rows = [
      { id: "a", influence: 1, interest: 1 },
      { id: "b", influence: 5, interest: 4 },
      { id: "c", influence: 1, interest: 2 },
    ];
    expect(byQuadrant(rows).map((q) => [q.id, q.rows.map((r) => r.id)])).toEqual([
      ["manage_closely", ["b"]],
      ["keep_satisfied", []],
      ["keep_informed", []],
      ["monitor", ["a", "c"]],
    ]);
  });
});
