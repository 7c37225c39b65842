import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { defaultRiskBands } from "@/lib/plan/risk";
import { risksCsv, riskCsvHeader } from "./csv";
import { risk } from "./fixtures";

describe("risksCsv", () => {
  it("writes a header and one row per risk with derived score, band, overdue flag and names", () => {
    const csv = risksCsv({
      risks: [
        risk({
          id: "b",
          title: "Second",
          ownerId: null,
          likelihood: 1,
          impact: 2,
          status: "closed",
          reviewDate: "2026-01-01",
        }),
        risk({
          id: "a",
          title: "ERP, late",
          category: "Schedule",
          ownerId: "u1",
          likelihood: 4,
          impact: 5,
          linkedTaskIds: ["t1", "gone", "t2"],
          reviewDate: "2026-02-01",
          mitigation: 'Say "hi"\nweekly',
        }),
      ],
      tasks: [
        { id: "t1", name: "ERP integration" },
        { id: "t2", name: "Orders" },
      ],
      bands: defaultRiskBands,
      nameOf: (id) => (id === "u1" ? "Tomas" : null),
      today: "2026-03-01",
    });
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...riskCsvHeader]);
    expect(rows[1]).toEqual([
      "ERP, late",
      "Schedule",
      "Tomas",
      "4",
      "5",
      "20",
      "Critical",
      "Open",
      "2026-02-01",
      "yes",
      "ERP integration; Orders",
      "",
      "",
      'Say "hi"\nweekly',
      "",
    ]);
    expect(rows[2]!.slice(0, 10)).toEqual(["Second", "", "", "1", "2", "2", "Low", "Closed", "2026-01-01", "no"]);
    expect(rows).toHaveLength(3);
  });

  it("defuses spreadsheet formulas in text", () => {
    const csv = risksCsv({
      risks: [risk({ id: "x", title: '=HYPERLINK("http://evil")' })],
      tasks: [],
      bands: defaultRiskBands,
      nameOf: () => null,
      today: "2026-03-01",
    });
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows[1]![0]).toBe('\'=HYPERLINK("http://evil")');
  });
});
