import { describe, expect, it } from "vitest";
import { describeSegments, segmentShares } from "./segments";

describe("segmentShares", () => {
  it("splits a whole into consecutive shares", () => {
    const s = segmentShares([
      { label: "Hit", value: 1, color: "" },
      { label: "Missed", value: 1, color: "" },
      { label: "Upcoming", value: 2, color: "" },
    ]);
    expect(s.map((x) => [x.start, x.share])).toEqual([
      [0, 0.25],
      [0.25, 0.25],
      [0.5, 0.5],
    ]);
  });

  it("gives no share to anything when the whole is empty", () => {
    expect(segmentShares([{ label: "A", value: 0, color: "" }])[0]!.share).toBe(0);
  });

  it("describes the parts in words", () => {
    expect(
      describeSegments([
        { label: "Hit", value: 3, color: "" },
        { label: "Missed", value: 1, color: "" },
      ]),
    ).toBe("3 hit, 1 missed");
  });
});
