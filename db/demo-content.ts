/**
 * The demo plan's content: a believable implementation plan with every section filled in, dated
 * around `today` so that milestones are hit, missed and upcoming whenever the demo is seeded.
 */
import { randomUUID } from "node:crypto";
import { captureBaseline } from "@/lib/plan/baseline";
import { addWorkingDays } from "@/lib/plan/calendar";
import { addDays, weekday } from "@/lib/plan/dates";
import { demoResearch, demoStakeholders, demoTaskPriorities } from "./demo-research";
import type { Dependency, ISODate, PlanContent, RaciCell, Task, WorkingCalendar } from "@/lib/plan/types";

export function demoPlanContent(today: ISODate, demoUserId: string): PlanContent {
  const id = new Map<string, string>();
  const ref = (key: string) => {
    if (!id.has(key)) id.set(key, randomUUID());
    return id.get(key)!;
  };
  // Work started on the Monday six weeks ago.
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const start = addDays(monday, -42);
  const holiday = addDays(monday, 17); // a Wednesday in the weeks ahead
  const calendar: WorkingCalendar = {
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: [{ date: holiday, name: "Company offsite" }],
  };
  const wd = (from: ISODate, n: number) => addWorkingDays(from, n, calendar);

  const people = {
    dana: ref("r-dana"),
    tomas: ref("r-tomas"),
    aiko: ref("r-aiko"),
    lena: ref("r-lena"),
    sam: ref("r-sam"),
    priya: ref("r-priya"),
  };

  let order = 0;
  const task = (
    key: string,
    name: string,
    s: ISODate | null,
    durationDays: number,
    extra: Partial<Task> = {},
  ): Task => ({
    id: ref(key),
    name,
    start: s,
    end: s ? (extra.kind === "milestone" ? s : wd(s, durationDays - 1)) : null,
    progress: 0,
    kind: "task",
    parentId: null,
    deliverableId: null,
    assigneeId: null,
    priority: "medium",
    order: ++order,
    ...extra,
  });

  const d = {
    requirements: ref("d-requirements"),
    design: ref("d-design"),
    portal: ref("d-portal"),
    training: ref("d-training"),
  };

  const t1 = start;
  const tasks: Task[] = [
    task("discovery", "Discovery", null, 0),
    task("interviews", "Stakeholder interviews", t1, 5, {
      parentId: ref("discovery"),
      progress: 100,
      assigneeId: people.dana,
      deliverableId: d.requirements,
    }),
    task("analytics", "Support-call and portal analytics review", t1, 4, {
      parentId: ref("discovery"),
      progress: 100,
      assigneeId: people.priya,
      deliverableId: d.requirements,
    }),
    task("requirements", "Requirements document", wd(t1, 5), 5, {
      parentId: ref("discovery"),
      progress: 100,
      assigneeId: people.dana,
      deliverableId: d.requirements,
    }),
    task("m-requirements", "Requirements signed off", wd(t1, 10), 0, {
      parentId: ref("discovery"),
      kind: "milestone",
      progress: 100,
    }),

    task("design", "Design", null, 0),
    task("ia", "Information architecture", wd(t1, 11), 5, {
      parentId: ref("design"),
      progress: 100,
      assigneeId: people.aiko,
      deliverableId: d.design,
    }),
    task("ui", "UI design and prototype", wd(t1, 14), 10, {
      parentId: ref("design"),
      progress: 80,
      assigneeId: people.aiko,
      deliverableId: d.design,
    }),
    task("m-design", "Design review", wd(t1, 24), 0, { parentId: ref("design"), kind: "milestone", progress: 0 }),

    task("build", "Build", null, 0),
    task("auth", "Sign-in and account management", wd(t1, 20), 10, {
      parentId: ref("build"),
      progress: 60,
      assigneeId: people.tomas,
      deliverableId: d.portal,
    }),
    task("orders", "Orders and invoices module", wd(t1, 25), 15, {
      parentId: ref("build"),
      progress: 30,
      assigneeId: people.lena,
      deliverableId: d.portal,
    }),
    task("erp", "ERP integration API", wd(t1, 25), 15, {
      parentId: ref("build"),
      progress: 25,
      assigneeId: people.tomas,
      deliverableId: d.portal,
    }),
    task("tickets", "Support tickets module", wd(t1, 35), 10, {
      parentId: ref("build"),
      progress: 0,
      assigneeId: people.lena,
      deliverableId: d.portal,
    }),

    task("launch", "Launch", null, 0),
    task("uat", "User acceptance testing", wd(t1, 45), 8, {
      parentId: ref("launch"),
      assigneeId: people.sam,
      deliverableId: d.portal,
    }),
    task("training", "Support-team training", wd(t1, 47), 5, {
      parentId: ref("launch"),
      assigneeId: people.priya,
      deliverableId: d.training,
    }),
    task("buffer", "Buffer before go-live", wd(t1, 53), 3, { parentId: ref("launch"), kind: "buffer" }),
    task("m-golive", "Go-live", wd(t1, 56), 0, { parentId: ref("launch"), kind: "milestone" }),
    task("hypercare", "Hypercare", wd(t1, 56), 10, { parentId: ref("launch"), assigneeId: people.tomas }),
    task("legacy", "Legacy portal read-only support", wd(t1, 50), 8, {
      parentId: ref("launch"),
      assigneeId: people.sam,
    }),
  ];

  for (const t of tasks) {
    const key = Object.keys(demoTaskPriorities).find((k) => ref(k) === t.id);
    if (key) t.priority = demoTaskPriorities[key]!;
  }

  const dep = (from: string, to: string, type: Dependency["type"] = "FS", lag = 0): Dependency => ({
    id: ref(`dep-${from}-${to}`),
    from: ref(from),
    to: ref(to),
    type,
    lag,
  });
  const dependencies: Dependency[] = [
    dep("interviews", "requirements"),
    dep("analytics", "requirements"),
    dep("requirements", "m-requirements"),
    dep("m-requirements", "ia"),
    dep("ia", "ui", "SS", 3),
    dep("ui", "m-design"),
    dep("ia", "auth", "FS", 4),
    dep("orders", "erp", "FF"),
    dep("orders", "tickets", "SS", 10),
    dep("tickets", "uat"),
    dep("erp", "uat"),
    dep("uat", "training", "SS", 2),
    dep("uat", "buffer"),
    dep("buffer", "m-golive"),
    dep("m-golive", "hypercare"),
    dep("m-golive", "legacy", "SF"),
  ];

  // The approved schedule had the build starting a week earlier: today's plan shows the slip.
  const approved = tasks.map((t) =>
    ["orders", "erp", "tickets", "uat", "training", "buffer", "m-golive", "hypercare"].some((k) => ref(k) === t.id) &&
    t.start &&
    t.end
      ? { ...t, start: addWorkingDays(t.start, -3, calendar), end: addWorkingDays(t.end, -3, calendar) }
      : t,
  );
  const baseline = captureBaseline(approved, ref("baseline"), "Approved plan", `${addDays(start, 12)}T09:00:00.000Z`);

  const raciColumns = [
    { id: ref("c-dana"), kind: "member" as const, userId: demoUserId, name: "Dana Demo", order: 1 },
    { id: ref("c-po"), kind: "role" as const, userId: null, name: "Product owner", order: 2 },
    { id: ref("c-tech"), kind: "role" as const, userId: null, name: "Tech lead", order: 3 },
    { id: ref("c-design"), kind: "role" as const, userId: null, name: "Design lead", order: 4 },
    { id: ref("c-qa"), kind: "role" as const, userId: null, name: "QA lead", order: 5 },
    { id: ref("c-support"), kind: "role" as const, userId: null, name: "Customer support", order: 6 },
  ];
  const raci = (row: string, letters: Record<string, RaciCell["value"]>): RaciCell[] =>
    Object.entries(letters).map(([col, value]) => ({ rowId: ref(row), columnId: ref(col), value }));
  const raciCells: RaciCell[] = [
    ...raci("d-requirements", { "c-dana": "R", "c-po": "A", "c-tech": "C", "c-support": "C" }),
    ...raci("d-design", { "c-design": "R", "c-po": "A", "c-dana": "C", "c-support": "I" }),
    ...raci("d-portal", { "c-tech": "R", "c-dana": "A", "c-qa": "C", "c-support": "I" }),
    // Training has two accountable people: the grid flags it.
    ...raci("d-training", { "c-support": "R", "c-dana": "A", "c-po": "A" }),
    ...raci("interviews", { "c-dana": "R", "c-po": "A", "c-support": "C" }),
    ...raci("auth", { "c-tech": "R", "c-dana": "A", "c-qa": "C" }),
    ...raci("orders", { "c-tech": "R", "c-dana": "A", "c-po": "C" }),
    ...raci("uat", { "c-qa": "R", "c-po": "A", "c-support": "C", "c-dana": "I" }),
  ];

  return {
    objectives: [
      {
        id: ref("o-calls"),
        title: "Cut support calls about orders and invoices",
        description: "Customers find order status and invoices themselves instead of calling.",
        kpi: {
          metric: "Support calls per week",
          baseline: 1200,
          target: 840,
          current: 1110,
          unit: "calls",
          due: addDays(start, 180),
        },
        order: 1,
      },
      {
        id: ref("o-csat"),
        title: "Make the portal something customers like using",
        description: "Measured by the in-portal satisfaction survey.",
        kpi: {
          metric: "Portal satisfaction",
          baseline: 3.1,
          target: 4.2,
          current: 3.4,
          unit: "/ 5",
          due: addDays(start, 180),
        },
        order: 2,
      },
      {
        id: ref("o-online"),
        title: "Move ordering online",
        description: "Share of repeat orders placed through the portal rather than by email or phone.",
        kpi: {
          metric: "Orders placed online",
          baseline: 35,
          target: 70,
          current: 41,
          unit: "%",
          due: addDays(start, 270),
        },
        order: 3,
      },
    ],
    scope: {
      inScope: [
        "Order history and delivery tracking",
        "Invoice download and online payment",
        "Support tickets with status updates",
        "Account, address and user management",
      ],
      outOfScope: [
        "A native mobile app (the portal is responsive instead)",
        "Loyalty programme",
        "B2B punch-out catalogues",
      ],
      assumptions: [
        "The ERP team delivers the order API by week 6",
        "Single sign-on stays on the current identity provider",
      ],
      constraints: [
        "Budget of €180,000 including contingency",
        "Go-live before the autumn peak season",
        "Customer data stays in the EU (GDPR)",
      ],
      text: "The relaunch replaces the customer-facing portal only. Internal order management and the ERP itself are unchanged; the portal reads from and writes to them through the new integration API.",
    },
    stakeholders: demoStakeholders(ref, people),
    researchEntries: demoResearch(ref, start),
    deliverables: [
      {
        id: d.requirements,
        name: "Requirements document",
        description: "Jobs customers come to the portal for, with priorities.",
        ownerId: people.dana,
        due: wd(t1, 10),
        acceptanceCriteria: "Signed off by the product owner and the head of support.",
        status: "accepted",
        order: 1,
      },
      {
        id: d.design,
        name: "Design system and clickable prototype",
        description: "Screens for every in-scope journey, tested with five customers.",
        ownerId: people.aiko,
        due: wd(t1, 24),
        acceptanceCriteria: "Five usability sessions; no blocking issue left open.",
        status: "in_progress",
        order: 2,
      },
      {
        id: d.portal,
        name: "Customer portal in production",
        description: "The new portal live for all customers, old portal read-only.",
        ownerId: people.tomas,
        due: wd(t1, 56),
        acceptanceCriteria: "UAT passed; p95 page load under 2 s; accessibility audit without serious findings.",
        status: "in_progress",
        order: 3,
      },
      {
        id: d.training,
        name: "Support-team training and help articles",
        description: "Agents can guide customers through every journey.",
        ownerId: people.priya,
        due: wd(t1, 52),
        acceptanceCriteria: "All agents trained; 20 help articles published.",
        status: "planned",
        order: 4,
      },
    ],
    strategy: [
      "## Approach",
      "",
      "We rebuild the portal **journey by journey**, releasing each one behind a feature flag to a pilot group of 50 customers before everyone gets it. The old portal stays available read-only for two weeks after go-live.",
      "",
      "## Phases",
      "",
      "1. **Discovery** — interviews with 12 customers and 6 support agents; analysis of three months of support calls.",
      "2. **Design** — information architecture first, then UI design on the shared design system.",
      "3. **Build** — accounts first (everything depends on sign-in), then orders and invoices with the ERP integration, then support tickets.",
      "4. **Launch** — acceptance testing with the pilot group, training for support, go-live and two weeks of hypercare.",
      "",
      "## Why this order",
      "",
      "- Orders and invoices cause 70% of the calls we want to remove, so they come first after sign-in.",
      "- The ERP integration is the riskiest part; building it next to the orders module surfaces problems early.",
      "",
      "See the [accessibility guidelines](https://www.w3.org/WAI/standards-guidelines/wcag/) we design against.",
    ].join("\n"),
    tasks,
    dependencies,
    risks: [
      {
        id: ref("risk-erp"),
        title: "ERP order API arrives late",
        description: "The ERP team has competing priorities this quarter.",
        category: "Schedule",
        ownerId: people.tomas,
        likelihood: 4,
        impact: 4,
        trigger: "API not in the test environment by week 6",
        mitigation: "Weekly check-in with the ERP lead; build against a contract-tested mock.",
        contingency: "Launch orders read-only from the nightly export; switch to the live API in a follow-up release.",
        status: "mitigating",
        linkedTaskIds: [ref("erp"), ref("orders")],
        reviewDate: addDays(today, 7),
      },
      {
        id: ref("risk-adoption"),
        title: "Customers keep calling out of habit",
        description: "Call volume may not drop even with a better portal.",
        category: "Adoption",
        ownerId: people.priya,
        likelihood: 3,
        impact: 4,
        trigger: "Calls per week above 1,000 one month after go-live",
        mitigation: "Agents point callers to the portal; onboarding email campaign.",
        contingency: "Call-back offer for customers who used the portal first.",
        status: "open",
        linkedTaskIds: [ref("training")],
        reviewDate: addDays(today, -3),
      },
      {
        id: ref("risk-perf"),
        title: "Invoice download slow for large accounts",
        description: "Some accounts have 10,000+ invoices.",
        category: "Technical",
        ownerId: people.lena,
        likelihood: 3,
        impact: 3,
        trigger: "p95 above 2 s in load tests",
        mitigation: "Paginate and index by date; load test with the largest account's data.",
        contingency: "Offer monthly statement downloads instead of single invoices for those accounts.",
        status: "open",
        linkedTaskIds: [ref("orders")],
        reviewDate: addDays(today, 14),
      },
      {
        id: ref("risk-sso"),
        title: "Identity provider change forced by IT",
        description: "IT is evaluating a new identity provider.",
        category: "Technical",
        ownerId: people.tomas,
        likelihood: 2,
        impact: 5,
        trigger: "IT announces a migration date before go-live",
        mitigation: "Keep sign-in behind a standard OIDC interface.",
        contingency: "Delay the SSO switch until after hypercare.",
        status: "open",
        linkedTaskIds: [ref("auth")],
        reviewDate: addDays(today, 30),
      },
      {
        id: ref("risk-team"),
        title: "Designer leaves mid-project",
        description: "Only one designer knows the design system well.",
        category: "People",
        ownerId: people.dana,
        likelihood: 2,
        impact: 3,
        trigger: "Resignation or long absence",
        mitigation: "Document components as they are built; pair a second designer for reviews.",
        contingency: "Agency designer on call (budgeted in contingency).",
        status: "open",
        linkedTaskIds: [ref("ui")],
        reviewDate: addDays(today, 21),
      },
      {
        id: ref("risk-gdpr"),
        title: "Data-protection review finds gaps",
        description: "New data flows between the portal and the ERP.",
        category: "Compliance",
        ownerId: people.dana,
        likelihood: 2,
        impact: 4,
        trigger: "DPO review raises a blocking finding",
        mitigation: "Privacy review of the design before build starts.",
        contingency: "Hold the affected journey back from launch.",
        status: "closed",
        linkedTaskIds: [],
        reviewDate: null,
      },
      {
        id: ref("risk-peak"),
        title: "Go-live collides with peak season",
        description: "Order volume doubles from mid-September.",
        category: "Schedule",
        ownerId: people.dana,
        likelihood: 3,
        impact: 5,
        trigger: "Go-live later than two weeks before peak",
        mitigation: "Buffer before go-live; weekly schedule review.",
        contingency: "Launch after peak with the pilot group only.",
        status: "open",
        linkedTaskIds: [ref("m-golive")],
        reviewDate: addDays(today, 5),
      },
    ],
    swot: {
      strengths: [
        "Support team knows exactly why customers call",
        "Modern design system already in use on the website",
      ],
      weaknesses: ["Only one engineer knows the ERP well", "No automated tests on the old portal"],
      opportunities: ["Online payment speeds up cash collection", "Portal usage data guides the product roadmap"],
      threats: ["Peak season leaves no room for a late launch", "Competitors already offer self-service ordering"],
    },
    raciColumns,
    raciCells,
    resources: [
      {
        id: people.dana,
        kind: "person",
        name: "Dana Demo",
        role: "Project manager",
        userId: demoUserId,
        allocation: 50,
        notes: "",
        capacityHoursPerWeek: 40,
        absences: [],
        order: 1,
      },
      {
        id: people.tomas,
        kind: "person",
        name: "Tomás Ruiz",
        role: "Tech lead",
        userId: null,
        allocation: 100,
        notes: "",
        capacityHoursPerWeek: 40,
        absences: [],
        order: 2,
      },
      {
        id: people.lena,
        kind: "person",
        name: "Lena Vogel",
        role: "Developer",
        userId: null,
        allocation: 100,
        notes: "",
        capacityHoursPerWeek: 40,
        absences: [{ start: addDays(today, 21), end: addDays(today, 25), note: "Holiday" }],
        order: 3,
      },
      {
        id: people.aiko,
        kind: "person",
        name: "Aiko Tanaka",
        role: "Designer",
        userId: null,
        allocation: 60,
        notes: "Also on the website team",
        capacityHoursPerWeek: 32,
        absences: [{ start: addDays(today, 8), end: addDays(today, 8), note: "Training" }],
        order: 4,
      },
      {
        id: people.sam,
        kind: "person",
        name: "Sam Okafor",
        role: "QA lead",
        userId: null,
        allocation: 50,
        notes: "",
        capacityHoursPerWeek: 40,
        absences: [],
        order: 5,
      },
      {
        id: people.priya,
        kind: "person",
        name: "Priya Shah",
        role: "Support manager",
        userId: null,
        allocation: 20,
        notes: "",
        capacityHoursPerWeek: 36,
        absences: [],
        order: 6,
      },
      {
        id: ref("r-figma"),
        kind: "tool",
        name: "Figma",
        role: "",
        userId: null,
        allocation: 100,
        notes: "Design and prototypes",
        capacityHoursPerWeek: 0,
        absences: [],
        order: 7,
      },
      {
        id: ref("r-staging"),
        kind: "tool",
        name: "Staging environment",
        role: "",
        userId: null,
        allocation: 100,
        notes: "Cloud account, EU region",
        capacityHoursPerWeek: 0,
        absences: [],
        order: 8,
      },
      {
        id: ref("r-devices"),
        kind: "equipment",
        name: "Test devices",
        role: "",
        userId: null,
        allocation: 100,
        notes: "Two phones and a tablet for UAT",
        capacityHoursPerWeek: 0,
        absences: [],
        order: 9,
      },
      // Lena also keeps the old portal running: 120% in total, which the Resources section flags.
      {
        id: ref("r-lena-oncall"),
        kind: "person",
        name: "Lena Vogel",
        role: "On call for the old portal",
        userId: null,
        allocation: 20,
        notes: "Until the old portal is switched off",
        capacityHoursPerWeek: 40,
        absences: [],
        order: 10,
      },
    ],
    budgetLines: [
      {
        id: ref("b-dev"),
        category: "Development",
        description: "Engineering team (internal cost)",
        planned: 110_000,
        actual: 58_500,
        currency: "EUR",
        order: 1,
      },
      {
        id: ref("b-design"),
        category: "Design",
        description: "Design and usability sessions",
        planned: 22_000,
        actual: 19_800,
        currency: "EUR",
        order: 2,
      },
      {
        id: ref("b-infra"),
        category: "Infrastructure",
        description: "Hosting, CDN and monitoring for year one",
        planned: 14_000,
        actual: 4_200,
        currency: "EUR",
        order: 3,
      },
      {
        id: ref("b-training"),
        category: "Training",
        description: "Support training and help articles",
        planned: 9_000,
        actual: 0,
        currency: "EUR",
        order: 4,
      },
      {
        id: ref("b-contingency"),
        category: "Contingency",
        description: "Held back for risks",
        planned: 25_000,
        actual: 0,
        currency: "EUR",
        order: 5,
      },
      {
        id: ref("b-devices"),
        category: "Equipment",
        description: "Test devices",
        planned: 1_800,
        actual: 2_150,
        currency: "EUR",
        order: 6,
      },
      // Billed in dollars: totals and variance are kept per currency, never converted.
      {
        id: ref("b-figma"),
        category: "Software",
        description: "Figma licences, billed in USD",
        planned: 2_700,
        actual: 1_350,
        currency: "USD",
        order: 7,
      },
    ],
    calendar,
    baselines: [baseline],
    // Room for the contingency, with the EUR lines planned at 181,800.
    budgetCeiling: 190_000,
    resourceRequests: [
      {
        id: ref("rq-tester"),
        what: "Contract QA tester for four weeks",
        why: "Sam is at 50% and user acceptance testing overlaps the peak season.",
        estimatedCost: 12_000,
        status: "requested",
        order: 1,
      },
      {
        id: ref("rq-erp"),
        what: "ERP consultant, two days",
        why: "Only one engineer knows the ERP interface well.",
        estimatedCost: 2_400,
        status: "approved",
        order: 2,
      },
    ],
  };
}
