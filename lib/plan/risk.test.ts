import { describe, expect, it } from "vitest";
import {
  bandFor,
  defaultRiskBands,
  heatMap,
  heatMapCell,
  openExposure,
  overdueReviews,
  riskScore,
  validateBands,
} from "./risk";
import type { Risk, RiskBand } from "./types";

const risk = (fields: Partial<Risk> & { id: string }): Risk => ({
  title: fields.id,
  description: "",
  category: "Technical",
  ownerId: null,
  likelihood: 3,
  impact: 3,
  trigger: "",
  mitigation: "",
  contingency: "",
  status: "open",
  linkedTaskIds: [],
  reviewDate: null,
  ...fields,
});

describe("riskScore and bands", () => {
  it("multiplies likelihood by impact", () => {
    expect(riskScore({ likelihood: 1, impact: 1 })).toBe(1);
    expect(riskScore({ likelihood: 4, impact: 3 })).toBe(12);
    expect(riskScore({ likelihood: 5, impact: 5 })).toBe(25);
  });

  it("puts scores in the default bands at their edges", () => {
    const band = (s: number) => bandFor(s)?.id;
    expect([1, 4, 5, 9, 10, 16, 17, 25].map(band)).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
    expect(bandFor(0)).toBeNull();
  });

  it("accepts the default bands and custom bands that cover 1–25 once", () => {
    expect(validateBands(defaultRiskBands)).toEqual([]);
    const two: RiskBand[] = [
      { id: "low", label: "Low", min: 1, max: 12 },
      { id: "high", label: "High", min: 13, max: 25 },
    ];
    expect(validateBands(two)).toEqual([]);
    expect(bandFor(12, two)?.id).toBe("low");
  });

  it("names gaps and overlaps", () => {
    const gappy: RiskBand[] = [
      { id: "low", label: "Low", min: 1, max: 4 },
      { id: "medium", label: "Medium", min: 7, max: 9 },
      { id: "high", label: "High", min: 9, max: 16 },
      { id: "critical", label: "Critical", min: 18, max: 25 },
    ];
    expect(validateBands(gappy)).toEqual([
      "Scores 5–6 belong to no band.",
      "Score 9 is in both “Medium” and “High”.",
      "Score 17 belongs to no band.",
    ]);
    expect(validateBands([{ id: "low", label: "Low", min: 1, max: 24 }])).toEqual(["Score 25 belongs to no band."]);
    expect(validateBands([])).toEqual(["Define at least one score band."]);
  });

  it("refuses bands that run backwards or off the scale, and repeated ids", () => {
    expect(validateBands([{ id: "low", label: "Low", min: 9, max: 3 }])).toEqual([
      "“Low” starts at 9 but ends at 3: its lowest score must not exceed its highest.",
    ]);
    expect(validateBands([{ id: "low", label: "Low", min: 0, max: 25 }])).toEqual([
      "“Low” must run between whole scores from 1 to 25.",
    ]);
    expect(validateBands([{ id: "low", label: "Low", min: 1, max: 2.5 }])).toEqual([
      "“Low” must run between whole scores from 1 to 25.",
    ]);
    expect(
      validateBands([
        { id: "low", label: "Low", min: 1, max: 10 },
        { id: "low", label: "Also low", min: 11, max: 25 },
      ]),
    ).toEqual(["There are two “low” bands."]);
  });
});

describe("heat map", () => {
  it("places likelihood on rows from 5 at the top and impact on columns from 1 at the left", () => {
    expect(heatMapCell({ likelihood: 5, impact: 1 })).toEqual({ row: 0, column: 0 });
    expect(heatMapCell({ likelihood: 1, impact: 5 })).toEqual({ row: 4, column: 4 });
    expect(heatMapCell({ likelihood: 3, impact: 2 })).toEqual({ row: 2, column: 1 });
    expect(heatMapCell({ likelihood: 0, impact: 2 })).toBeNull();
    expect(heatMapCell({ likelihood: 6, impact: 2 })).toBeNull();
  });

  it("fills the 5×5 grid with scores, bands and risks", () => {
    const grid = heatMap([
      risk({ id: "a", likelihood: 5, impact: 5 }),
      risk({ id: "b", likelihood: 5, impact: 5 }),
      risk({ id: "c", likelihood: 1, impact: 2 }),
      risk({ id: "bad", likelihood: 9 }),
    ]);
    expect(grid).toHaveLength(5);
    expect(grid.every((row) => row.length === 5)).toBe(true);
    expect(grid[0]![4]).toEqual({ likelihood: 5, impact: 5, score: 25, band: "critical", riskIds: ["a", "b"] });
    expect(grid[4]![1]).toEqual({ likelihood: 1, impact: 2, score: 2, band: "low", riskIds: ["c"] });
    expect(grid[2]![2]).toMatchObject({ score: 9, band: "medium", riskIds: [] });
    expect(grid.flat().flatMap((c) => c.riskIds)).not.toContain("bad");
  });

  it("is empty for a plan without risks", () => {
    expect(
      heatMap([])
        .flat()
        .every((c) => c.riskIds.length === 0),
    ).toBe(true);
  });
});

describe("exposure and reviews", () => {
  const risks = [
    risk({ id: "open", likelihood: 4, impact: 5, reviewDate: "2025-06-01" }),
    risk({ id: "mitigating", status: "mitigating", likelihood: 2, impact: 3, reviewDate: "2025-06-02" }),
    risk({ id: "occurred", status: "occurred", likelihood: 5, impact: 2, reviewDate: "2025-06-03" }),
    risk({ id: "closed", status: "closed", likelihood: 5, impact: 5, reviewDate: "2025-01-01" }),
  ];

  it("sums the score of every risk not closed", () => {
    expect(openExposure(risks)).toBe(20 + 6 + 10);
    expect(openExposure([])).toBe(0);
  });

  it("flags reviews dated before today on risks still open", () => {
    expect(overdueReviews(risks, "2025-06-02").map((r) => r.id)).toEqual(["open"]);
    expect(overdueReviews(risks, "2025-06-04").map((r) => r.id)).toEqual(["open", "mitigating", "occurred"]);
    expect(overdueReviews([risk({ id: "none" })], "2030-01-01")).toEqual([]);
  });
});
