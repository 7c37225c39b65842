import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collections, emptyDocContent, type DocContent } from "@/lib/doc";
import { taskSchema } from "./validation";
import { changedSections, DIGESTED_SECTIONS, sectionDigests } from "./section-digests";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function content(): DocContent {
  const c = emptyDocContent();
  c.objectives = [
    {
      id: id(1),
      title: "Ship",
      description: "",
      kpi: { metric: "NPS", baseline: 10, target: 40, current: null, unit: "", due: "2026-06-30" },
      order: 1,
    },
  ];
  c.scopeItems = [{ id: id(2), kind: "in", text: "Web app", order: 1 }];
  c.scopeText = "Only the web.";
  c.strategy = "Small steps.";
  c.tasks = [
    {
      id: id(3),
      name: "Build",
      start: "2026-03-02",
      end: "2026-03-06",
      progress: 33.4,
      kind: "task",
      parentId: null,
      deliverableId: null,
      assigneeId: null,
      priority: "medium",
      order: 1,
    },
  ];
  c.baselines = [{ id: id(4), name: "Approved", savedAt: "2026-03-01T00:00:00.000Z", tasks: [] }];
  c.raciColumns = [{ id: id(5), kind: "role", userId: null, name: "Lead", order: 1 }];
  c.raciCells = [{ rowId: id(3), columnId: id(5), value: "R" }];
  c.budgetLines = [
    { id: id(6), category: "Tools", description: "", planned: 100.004, actual: 0, currency: "EUR", order: 1 },
  ];
  return c;
}

describe("section digests", () => {
  it("fingerprints every section but metrics, in template order", () => {
    expect(DIGESTED_SECTIONS).toEqual([
      "objectives",
      "scope",
      "deliverables",
      "stakeholders",
      "research",
      "strategy",
      "schedule",
      "risks",
      "resources",
      "raci",
    ]);
  });

  it("gives the digests saved at earlier approvals for the same content", () => {
    expect(sectionDigests(content())).toEqual({
      objectives: "24319a751b048e1f14a2614f0a0fe2ba",
      scope: "b82ce199f8aac8e8f35735ee8a9f74ed",
      deliverables: "4f53cda18c2baa0c0354bb5f9a3ecbe5",
      stakeholders: "4f53cda18c2baa0c0354bb5f9a3ecbe5",
      research: "4f53cda18c2baa0c0354bb5f9a3ecbe5",
      strategy: "fc24f1f9a47c8ee3e454a0c899bf0e61",
      schedule: "b6fe86473e4da7cdbb7a062d9f9deb87",
      risks: "7e731425318556db70911666c0635a8e",
      resources: "c8dde65a760bc757058f63d104326ebd",
      raci: "2b52c5472564b631af59ad500ef67a7a",
    });
  });

  it("counts a later-added part once it holds something: a resource request, a budget ceiling", () => {
    const before = sectionDigests(content()).resources;
    const withRequest = content();
    withRequest.resourceRequests = [
      { id: id(90), what: "Tester", why: "", estimatedCost: 100, status: "requested", order: 1 },
    ];
    const withCeiling = content();
    withCeiling.settings = { ...withCeiling.settings, budgetCeiling: 5000 };
    expect(sectionDigests(withRequest).resources).not.toBe(before);
    expect(sectionDigests(withCeiling).resources).not.toBe(before);
  });

  it("names the sections a change touches, ignoring saved baselines and the projection's rounding", () => {
    const approved = sectionDigests(content());
    const c = content();
    c.baselines = [];
    c.tasks[0]!.progress = 33.2;
    expect(changedSections(approved, sectionDigests(c))).toEqual([]);
    c.settings = { ...c.settings, currency: "USD" };
    c.holidays = [{ id: id(7), date: "2026-12-25", name: "Christmas" }];
    expect(changedSections(approved, sectionDigests(c))).toEqual(["schedule", "resources"]);
  });

  it("keeps the digests of approved plans when a field is added, until the field leaves its default", () => {
    const withColor = {
      ...collections,
      tasks: {
        ...collections.tasks,
        schema: taskSchema.extend({ color: z.string().default("") }),
        defaults: { ...collections.tasks.defaults, color: "" },
        added: [...(collections.tasks.added ?? []), "color"] as const,
      },
    };
    const approved = sectionDigests(content());
    const c = content() as DocContent & { tasks: (DocContent["tasks"][number] & { color: string })[] };
    c.tasks = c.tasks.map((t) => ({ ...t, color: "" }));
    expect(sectionDigests(c, withColor)).toEqual(approved);
    c.tasks[0]!.color = "teal";
    expect(changedSections(approved, sectionDigests(c, withColor))).toEqual(["schedule"]);
  });
});
