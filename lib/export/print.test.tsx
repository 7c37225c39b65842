import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { demoPlanContent } from "@/db/demo-content";
import { buildExportModel } from "./model";
import { emptyDocContent, fromPlanContent, randomUUID, type DocContent } from "@/lib/doc";
import { PrintDocument } from "@/components/print/print-document";

const TODAY = "2026-11-18";
const me = randomUUID();
const header = {
  title: "CRM migration",
  status: "active" as const,
  ownerName: "Dana",
  summary: "",
  workspaceName: "Ops",
};
const html = (content: DocContent) =>
  renderToStaticMarkup(
    <PrintDocument
      model={buildExportModel({ plan: header, content, members: [{ id: me, name: "Dana" }], today: TODAY })}
    />,
  );

/** The rows of the table labelled `label`, each as its cells' text. */
function tableRows(page: string, label: string): string[][] {
  const start = page.indexOf(`<table aria-label="${label}"`);
  expect(start, label).toBeGreaterThan(-1);
  const table = page.slice(start, page.indexOf("</table>", start));
  return [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!),
  );
}

describe("print view: capacity in the Resources section", () => {
  it("prints each person's availability, the budget ceiling with planned and actual, and the requests", () => {
    const page = html(fromPlanContent(demoPlanContent(TODAY, me)));
    const resources = page.slice(page.indexOf('id="resources"'), page.indexOf('id="raci"'));
    const availability = tableRows(resources, "Availability");
    expect(availability[0]).toEqual([
      "Person",
      "Role",
      "Hours a week",
      "Allocation",
      "Hours a week for this plan",
      "Away",
    ]);
    expect(availability).toContainEqual(["Aiko Tanaka", "Designer", "32 h", "60%", "19.2 h", "2026-11-26 (Training)"]);
    expect(availability).toContainEqual([
      "Lena Vogel",
      "Developer",
      "40 h",
      "100%",
      "40 h",
      "2026-12-09 – 2026-12-13 (Holiday)",
    ]);
    expect(tableRows(resources, "Budget ceiling")).toEqual([
      ["Ceiling", "Planned", "Actual", "Headroom", "Check"],
      ["190,000.00 EUR", "181,800.00 EUR", "84,650.00 EUR", "8,200.00 EUR", "Within the ceiling."],
    ]);
    expect(tableRows(resources, "Additional resources needed")).toEqual([
      ["What", "Why", "Estimated cost", "Status"],
      [
        "Contract QA tester for four weeks",
        "Sam is at 50% and user acceptance testing overlaps the peak season.",
        "12,000.00 EUR",
        "Requested",
      ],
      ["ERP consultant, two days", "Only one engineer knows the ERP interface well.", "2,400.00 EUR", "Approved"],
    ]);
    expect(resources).toContain("Estimated cost of the requests not declined: 14,400.00 EUR");
  });

  it("says what is missing, and escapes what people typed", () => {
    const empty = html(emptyDocContent());
    expect(empty).toContain("No budget ceiling set.");
    expect(empty).toContain("Nothing more asked for.");
    const content = emptyDocContent();
    content.resourceRequests.push({
      id: randomUUID(),
      what: `<img src=x onerror="alert(1)">`,
      why: "a & b",
      estimatedCost: 5,
      status: "approved",
      order: 1,
    });
    const page = html(content);
    expect(page).not.toContain("<img src=x");
    expect(tableRows(page, "Additional resources needed")[1]).toEqual([
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
      "a &amp; b",
      "5.00 EUR",
      "Approved",
    ]);
  });
});
