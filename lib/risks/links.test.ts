import { describe, expect, it } from "vitest";
import { risk } from "./fixtures";
import { risksByTask } from "./links";

describe("risksByTask", () => {
  it("lists each task's risks once, in register order", () => {
    const a = risk({ id: "a", linkedTaskIds: ["t1", "t2", "t1"] });
    const b = risk({ id: "b", linkedTaskIds: ["t1"] });
    const c = risk({ id: "c" });
    const map = risksByTask([a, b, c]);
    expect(map.get("t1")).toEqual([a, b]);
    expect(map.get("t2")).toEqual([a]);
    expect(map.size).toBe(2);
  });
});
