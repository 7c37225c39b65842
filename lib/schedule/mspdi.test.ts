import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { makeDep, makeTask } from "@/lib/plan/fixtures";
import type { Dependency, Task, WorkingCalendar } from "@/lib/plan/types";
import type { ImportContext } from "./csv";
import { readScheduleFile } from "./import-file";
import { mspdiDuration, scheduleToMspdi } from "./mspdi";
import { parseMspdi } from "./mspdi-import";

const people = [
  { id: "u1", name: "Ann Analyst" },
  { id: "r1", name: "Vendor crew" },
];
const ctx = (over: Partial<ImportContext> = {}): ImportContext => {
  let n = 0;
  return {
    existingTasks: [],
    existingDependencies: [],
    deliverables: [],
    people,
    calendar: { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] },
    newId: () => `new-${++n}`,
    firstOrder: 1,
    ...over,
  };
};
const calendar: WorkingCalendar = {
  workingWeekdays: [1, 2, 3, 4, 6],
  holidays: [{ date: "2026-03-06", name: "Company day" }],
};
const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;

const tasks: Task[] = [
  makeTask({ id: "p", name: "Preparation", start: "2026-03-02", end: "2026-03-12", order: 1 }),
  makeTask({ id: "k", name: "Kick-off", kind: "milestone", start: "2026-03-02", parentId: "p", order: 1 }),
  makeTask({
    id: "a",
    name: "Audit & <clean>",
    start: "2026-03-02",
    end: "2026-03-05",
    progress: 75,
    parentId: "p",
    order: 2,
    assigneeId: "u1",
  }),
  makeTask({
    id: "m",
    name: "=Mapping",
    start: "2026-03-04",
    end: "2026-03-12",
    parentId: "p",
    order: 3,
    assigneeId: "r1",
  }),
  makeTask({ id: "l", name: "Load", start: "2026-03-13", end: "2026-03-18", progress: 10, order: 2 }),
  makeTask({ id: "g", name: "Go-live", kind: "milestone", start: "2026-03-19", order: 3 }),
  makeTask({ id: "u", name: "Undated", order: 4 }),
];
const deps: Dependency[] = [
  makeDep("k", "a", "FS"),
  makeDep("a", "m", "SS", 2),
  makeDep("m", "l", "FF", 3),
  makeDep("l", "g", "SF", -1),
];

/** A schedule as names, so two plans with different ids compare field by field. */
function byName(ts: readonly Task[], ds: readonly Dependency[]) {
  const name = (id: string | null) => ts.find((t) => t.id === id)?.name ?? null;
  return {
    tasks: ts.map((t) => ({
      name: t.name,
      kind: t.kind,
      start: t.start,
      end: t.end,
      progress: t.progress,
      parent: name(t.parentId),
      assignee: t.assigneeId,
    })),
    links: ds.map((d) => ({ from: name(d.from), to: name(d.to), type: d.type, lag: d.lag })),
  };
}

describe("MS Project XML", () => {
  const xml = scheduleToMspdi({ title: "Roll-out", tasks, dependencies: deps, calendar, nameOf });

  it("round-trips the schedule into an empty plan, field by field", () => {
    const back = parseMspdi(xml, ctx());
    expect(back.fileError).toBeNull();
    expect(back.refused).toEqual([]);
    expect(back.notes).toEqual([]);
    const want = byName(tasks, deps);
    const got = byName(back.tasks, back.dependencies);
    expect(got.tasks).toEqual(want.tasks);
    expect(got.links).toEqual(want.links);
    expect(back.calendar).toEqual(calendar);
  });

  it("writes outline numbers, durations, link codes and lags as MSPDI has them", () => {
    expect(xml).toContain("<Name>Audit &amp; &lt;clean&gt;</Name>");
    expect(xml).toMatch(/<OutlineNumber>1\.3<\/OutlineNumber>\s*<OutlineLevel>2<\/OutlineLevel>/);
    expect(mspdiDuration(3)).toBe("PT24H0M0S");
    expect(xml).toContain("<Duration>PT32H0M0S</Duration>"); // Audit: Mon–Thu
    expect(xml).toMatch(/<Type>3<\/Type>\s*<CrossProject>0<\/CrossProject>\s*<LinkLag>9600<\/LinkLag>\s*<LagFormat>7/);
    for (const code of [0, 1, 2, 3]) expect(xml).toContain(`<Type>${code}</Type>\n        <CrossProject>`);
  });

  it("writes every element with its children in the order docs/exports.md lists", () => {
    const doc = readFileSync("docs/exports.md", "utf8");
    const block = /```mspdi-elements\n([\s\S]*?)```/.exec(doc)![1]!;
    const order = new Map(
      block
        .trim()
        .split("\n")
        .map((line) => {
          const [el, kids] = line.split(":");
          return [el!.trim(), kids!.split(",").map((k) => k.trim())] as const;
        }),
    );
    type Node = Record<string, Node[]>;
    const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: true, processEntities: false }).parse(
      xml,
    ) as Node[];
    const check = (name: string, children: Node[]) => {
      const names = children.map((c) => Object.keys(c)[0]!).filter((n) => n !== "#text");
      const allowed = order.get(name);
      expect(allowed, `<${name}> is listed`).toBeDefined();
      const positions = names.map((n) => allowed!.indexOf(n));
      expect(
        positions.every((p) => p >= 0),
        `<${name}> children ${names.join(",")}`,
      ).toBe(true);
      expect(positions, `<${name}> children in order`).toEqual([...positions].sort((a, b) => a - b));
      for (const c of children) {
        const n = Object.keys(c)[0]!;
        if (n !== "#text" && c[n]!.some((g) => Object.keys(g)[0] !== "#text")) check(n, c[n]!);
      }
    };
    const project = tree.find((n) => "Project" in n)!;
    check("Project", project.Project!);
  });

  it("reads a ProjectLibre-style file: summary tasks, milestones, all link kinds, lags, calendar, resources", () => {
    const file = readFileSync("lib/schedule/fixtures/rollout.xml", "utf8");
    const r = parseMspdi(file, ctx());
    expect(r.fileError).toBeNull();
    const got = byName(r.tasks, r.dependencies);
    expect(got.tasks.map((t) => `${t.parent ?? "-"}/${t.name}/${t.kind}`)).toEqual([
      "-/Preparation/task",
      "Preparation/Kick-off/milestone",
      "Preparation/Data audit/task",
      "Preparation/Mapping/task",
      "-/Migration/task",
      "Migration/Test load/task",
      "Migration/Final load/task",
      "Migration/Hypercare/task",
      "-/Go-live/milestone",
    ]);
    expect(got.tasks.find((t) => t.name === "Data audit")).toMatchObject({
      start: "2026-03-02",
      end: "2026-03-05",
      progress: 75,
      assignee: "u1",
    });
    expect(got.links).toEqual([
      { from: "Kick-off", to: "Data audit", type: "FS", lag: 0 },
      { from: "Data audit", to: "Mapping", type: "SS", lag: 2 },
      { from: "Mapping", to: "Test load", type: "FS", lag: 0 },
      { from: "Test load", to: "Final load", type: "FF", lag: 1 },
      { from: "Final load", to: "Hypercare", type: "SF", lag: -1 },
      { from: "Hypercare", to: "Go-live", type: "FS", lag: 0 },
    ]);
    expect(r.calendar).toEqual({
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: [
        { date: "2026-03-16", name: "Holiday" },
        { date: "2026-03-17", name: "Holiday" },
        { date: "2026-03-06", name: "Company day" },
      ],
    });
    // What was dropped is reported against the task's ID, and the task itself is still imported.
    const audit = r.refused.find((x) => x.row === 3)!;
    expect(audit.imported).toBe(true);
    expect(audit.reasons.join(" ")).toMatch(/Data team.*one assignee per task.*notes were not kept/);
    expect(r.refused.find((x) => x.row === 6)!.reasons.join(" ")).toMatch(/Data team.*no member or resource/);
  });

  it("refuses a DOCTYPE with entities (XXE) and writes nothing", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>&x;</Name></Task></Tasks></Project>`;
    const r = parseMspdi(xxe, ctx());
    expect(r.fileError).toMatch(/DOCTYPE/);
    expect(r.tasks).toEqual([]);
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project><Title>&lol2;</Title></Project>`;
    expect(parseMspdi(laughs, ctx()).fileError).toMatch(/refused/);
  });

  it("explains malformed files and files of another kind", () => {
    expect(parseMspdi("<Project><Tasks></Project>", ctx()).fileError).toMatch(/not well-formed XML/);
    expect(parseMspdi("<rss><channel/></rss>", ctx()).fileError).toMatch(/no <Project> element/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    let read = false;
    const bytes = async () => ((read = true), new ArrayBuffer(0));
    const r = await readScheduleFile({ name: "big.xml", size: 11 * 1024 * 1024, bytes }, ctx(), 10 * 1024 * 1024);
    expect(r.fileError).toBe("The file is 11 MiB; at most 10 MiB can be imported.");
    expect(read).toBe(false);
    expect((await readScheduleFile({ name: "x.pdf", size: 1, bytes }, ctx(), 100)).fileError).toMatch(/\.csv/);
    const ok = await readScheduleFile(
      { name: "plan.XML", size: xml.length, bytes: async () => new TextEncoder().encode(xml).buffer as ArrayBuffer },
      ctx(),
      10 * 1024 * 1024,
    );
    expect(ok.format).toBe("mspdi");
    expect(ok.tasks).toHaveLength(tasks.length);
  });
});
