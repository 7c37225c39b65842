import { describe, expect, it } from "vitest";
import { defaultRiskBands } from "@/lib/plan/risk";
import { risk } from "./fixtures";
import { filterRisks, groupByCategory, isFiltered, NO_OWNER, noFilter, ownerOptions, sortRisks } from "./view";

const risks = [
  risk({
    id: "a",
    title: "Vendor late",
    category: "Schedule",
    ownerId: "u1",
    likelihood: 4,
    impact: 4,
    status: "mitigating",
    reviewDate: "2026-03-01",
  }),
  risk({ id: "b", title: "adoption", category: "adoption", ownerId: null, likelihood: 1, impact: 2 }),
  risk({
    id: "c",
    title: "",
    category: "",
    ownerId: "u2",
    likelihood: 5,
    impact: 5,
    status: "closed",
    reviewDate: "2026-01-01",
  }),
  risk({ id: "d", title: "Budget", category: "Adoption", ownerId: "u1", likelihood: 2, impact: 3 }),
];
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe("filterRisks", () => {
  it("keeps everything without a filter", () => {
    expect(isFiltered(noFilter)).toBe(false);
    expect(ids(filterRisks(risks, noFilter, defaultRiskBands))).toEqual(["a", "b", "c", "d"]);
  });

  it("filters by status, owner, no owner, band and heat-map cell, together", () => {
    const f = (patch: Partial<typeof noFilter>) => ids(filterRisks(risks, { ...noFilter, ...patch }, defaultRiskBands));
    expect(f({ status: "open" })).toEqual(["b", "d"]);
    expect(f({ owner: "u1" })).toEqual(["a", "d"]);
    expect(f({ owner: NO_OWNER })).toEqual(["b"]);
    expect(f({ band: "high" })).toEqual(["a"]);
    expect(f({ band: "low" })).toEqual(["b"]);
    expect(f({ band: "critical" })).toEqual(["c"]);
    expect(f({ cell: { likelihood: 2, impact: 3 } })).toEqual(["d"]);
    expect(f({ owner: "u1", status: "open" })).toEqual(["d"]);
    expect(isFiltered({ ...noFilter, band: "low" })).toBe(true);
  });

  it("uses the plan's own bands", () => {
    const two = [
      { id: "low" as const, label: "Low", min: 1, max: 15 },
      { id: "critical" as const, label: "Critical", min: 16, max: 25 },
    ];
    expect(ids(filterRisks(risks, { ...noFilter, band: "critical" }, two))).toEqual(["a", "c"]);
  });
});

describe("sortRisks", () => {
  it("sorts by score both ways, ties in creation order", () => {
    expect(ids(sortRisks(risks, { key: "score", direction: "desc" }))).toEqual(["c", "a", "d", "b"]);
    expect(ids(sortRisks(risks, { key: "score", direction: "asc" }))).toEqual(["b", "d", "a", "c"]);
  });

  it("puts blanks last in either direction and ignores case", () => {
    expect(ids(sortRisks(risks, { key: "title", direction: "asc" }))).toEqual(["b", "d", "a", "c"]);
    expect(ids(sortRisks(risks, { key: "title", direction: "desc" }))).toEqual(["a", "d", "b", "c"]);
    expect(ids(sortRisks(risks, { key: "reviewDate", direction: "asc" }))).toEqual(["c", "a", "b", "d"]);
  });

  it("sorts owners by name and statuses by their lifecycle", () => {
    const nameOf = (id: string | null) => ({ u1: "Zoe", u2: "Adam" })[id ?? ""] ?? null;
    expect(ids(sortRisks(risks, { key: "owner", direction: "asc" }, nameOf))).toEqual(["c", "a", "d", "b"]);
    expect(ids(sortRisks(risks, { key: "status", direction: "asc" }))).toEqual(["b", "d", "a", "c"]);
  });

  it("keeps creation (id) order by default and does not change its input", () => {
    const shuffled = [risks[2]!, risks[0]!, risks[3]!, risks[1]!];
    expect(ids(sortRisks(shuffled, { key: "created", direction: "asc" }))).toEqual(["a", "b", "c", "d"]);
    expect(ids(shuffled)).toEqual(["c", "a", "d", "b"]);
  });
});

describe("groupByCategory", () => {
  it("groups case-insensitively, A–Z, uncategorised last, keeping order inside", () => {
    const groups = groupByCategory(risks);
    expect(groups.map((g) => [g.category, ids(g.risks)])).toEqual([
      ["adoption", ["b", "d"]],
      ["Schedule", ["a"]],
      ["", ["c"]],
    ]);
  });
});

describe("ownerOptions", () => {
  it("lists the plan's people and the members not already among them, by name", () => {
    const resources = [
      { id: "r1", kind: "person", name: "Lena (contractor)", userId: null },
      { id: "r2", kind: "person", name: "Tomas", userId: "u2" },
      { id: "r3", kind: "tool", name: "Jira", userId: null },
    ];
    const members = [
      { id: "u1", name: "Ann" },
      { id: "u2", name: "Tomas Berg" },
    ];
    expect(ownerOptions(resources, members)).toEqual([
      { id: "u1", name: "Ann" },
      { id: "r1", name: "Lena (contractor)" },
      { id: "r2", name: "Tomas" },
    ]);
  });
});
