/**
 * MS Project XML (MSPDI) import: the file is read into the CSV columns and checked by the same rules
 * (importScheduleRecords), so both formats refuse and report alike. What a plan cannot hold (notes,
 * a second resource, resources that are nobody here) is dropped and said so per task.
 *
 * The parser never processes entities, and a file declaring a DOCTYPE is refused before parsing:
 * no external entity is fetched and no entity expands (XXE, "billion laughs").
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { addDays, compareDates, isISODate } from "@/lib/plan/dates";
import type { DependencyType, WorkingCalendar } from "@/lib/plan/types";
import { CSV_COLUMNS, formatPredecessor, importScheduleRecords, type CsvImport, type ImportContext } from "./csv";
import { MINUTES_PER_DAY } from "./mspdi";

export type MspdiImport = CsvImport & { calendar: WorkingCalendar | null; notes: string[] };

const TYPES: Record<string, DependencyType> = { "0": "FF", "1": "FS", "2": "SF", "3": "SS" };
/** Elapsed lag formats count calendar minutes (24 h a day), the others working minutes. */
const ELAPSED = new Set([4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52]);
const LISTS = new Set(["Calendar", "WeekDay", "Exception", "Task", "PredecessorLink", "Resource", "Assignment"]);

type X = Record<string, unknown>;
const list = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v && typeof v === "object" ? [v as X] : []);
const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const text = (o: X | undefined, key: string) => {
  const v = o?.[key];
  return typeof v === "string" || typeof v === "number" ? decode(String(v)).trim() : "";
};
const dateOf = (v: string) => (isISODate(v.slice(0, 10)) ? v.slice(0, 10) : "");

/** Why a file is not MS Project XML we can read, or null when it parses. */
function readXml(xml: string): { project: X } | { error: string } {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return { error: "The file declares a DOCTYPE or entities, which MS Project XML never needs; it was refused." };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `The file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).` };
  const parser = new XMLParser({
    ignoreAttributes: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    removeNSPrefix: true,
    isArray: (name) => LISTS.has(name),
  });
  const project = (parser.parse(xml) as X).Project as X | undefined;
  if (!project || typeof project !== "object")
    return { error: "The file has no <Project> element: it is not MS Project XML." };
  return { project };
}

function readCalendar(project: X): { calendar: WorkingCalendar | null; notes: string[] } {
  const calendars = list((project.Calendars as X | undefined)?.Calendar);
  const uid = text(project, "CalendarUID");
  const cal = calendars.find((c) => text(c, "UID") === uid) ?? calendars.find((c) => text(c, "IsBaseCalendar") === "1");
  if (!cal) return { calendar: null, notes: [] };
  const weekdays = new Set<number>();
  const holidays: { date: string; name: string }[] = [];
  const notes: string[] = [];
  const daysOff = (p: X | undefined, name: string) => {
    let d = dateOf(text(p, "FromDate"));
    const to = dateOf(text(p, "ToDate"));
    for (let n = 0; d && to && compareDates(d, to) <= 0 && n < 366; n++, d = addDays(d, 1))
      holidays.push({ date: d, name });
  };
  for (const w of list((cal.WeekDays as X | undefined)?.WeekDay)) {
    const type = Number(text(w, "DayType"));
    // DayType 0 is an exception written the old way (ProjectLibre does): a period of days off.
    if (type === 0 && text(w, "DayWorking") === "0") daysOff(w.TimePeriod as X, "Holiday");
    else if (type >= 1 && type <= 7 && text(w, "DayWorking") === "1") weekdays.add(type - 1);
  }
  for (const e of list((cal.Exceptions as X | undefined)?.Exception)) {
    if (text(e, "DayWorking") === "1")
      notes.push(`The exception “${text(e, "Name")}” makes days working; it was not kept.`);
    else daysOff(e.TimePeriod as X, text(e, "Name") || "Holiday");
  }
  if (weekdays.size === 0)
    return { calendar: null, notes: [...notes, "The calendar has no working weekdays; it was not kept."] };
  return { calendar: { workingWeekdays: [...weekdays].sort(), holidays }, notes };
}

/** Reads an MS Project XML file into tasks and links to write, plus the working calendar it carries. */
export function parseMspdi(xml: string, ctx: ImportContext): MspdiImport {
  const read = readXml(xml.replace(/^\uFEFF/, ""));
  if ("error" in read)
    return { tasks: [], dependencies: [], refused: [], fileError: read.error, calendar: null, notes: [] };
  const { project } = read;
  const minutesPerDay = Number(text(project, "MinutesPerDay")) || MINUTES_PER_DAY;
  const resources = new Map(list((project.Resources as X)?.Resource).map((r) => [text(r, "UID"), text(r, "Name")]));
  const people = new Set(ctx.people.map((p) => p.name.trim().toLowerCase()));
  const assigned = new Map<string, string[]>();
  for (const a of list((project.Assignments as X)?.Assignment)) {
    const name = resources.get(text(a, "ResourceUID"));
    if (name) assigned.set(text(a, "TaskUID"), [...(assigned.get(text(a, "TaskUID")) ?? []), name]);
  }
  // The project summary (UID 0) and blank rows are MS Project's own, not tasks.
  const tasks = list((project.Tasks as X)?.Task).filter((t) => text(t, "UID") !== "0" && text(t, "IsNull") !== "1");
  const nameOfUid = new Map(tasks.map((t) => [text(t, "UID"), text(t, "Name")]));
  const stack: string[] = [];
  const drops = new Map<number, string[]>();
  const records = tasks.map((t, i) => {
    const drop = (why: string) => drops.set(i, [...(drops.get(i) ?? []), why]);
    const level = Math.max(1, Number(text(t, "OutlineLevel")) || 1);
    stack.length = Math.min(stack.length, level - 1);
    const parent = stack[level - 2] ?? "";
    stack[level - 1] = text(t, "Name");
    const milestone = text(t, "Milestone") === "1";
    const preds = list(t.PredecessorLink).flatMap((l) => {
      const from = nameOfUid.get(text(l, "PredecessorUID"));
      const type = TYPES[text(l, "Type") || "1"];
      if (!from || !type) {
        drop(`A link from task UID ${text(l, "PredecessorUID")} was not kept (no such task here, or an unknown type).`);
        return [];
      }
      const perDay = (ELAPSED.has(Number(text(l, "LagFormat"))) ? 1440 : minutesPerDay) * 10;
      const lag = Number(text(l, "LinkLag")) / perDay || 0;
      if (!Number.isInteger(lag))
        drop(`The lag of the link from “${from}” was rounded to ${Math.round(lag)} working days.`);
      return [formatPredecessor(from, type, Math.round(lag))];
    });
    const names = assigned.get(text(t, "UID")) ?? [];
    const assignee = names.find((n) => people.has(n.trim().toLowerCase())) ?? "";
    for (const n of names)
      if (n !== assignee)
        drop(
          `The resource “${n}” was not kept (${assignee ? "one assignee per task" : "no member or resource of that name"}).`,
        );
    if (text(t, "Notes")) drop("The task's notes were not kept (tasks here have no notes).");
    const start = dateOf(text(t, "Start"));
    return {
      Name: text(t, "Name"),
      Kind: milestone ? "milestone" : "task",
      Start: start,
      End: milestone ? start : dateOf(text(t, "Finish")),
      Progress: text(t, "PercentComplete"),
      Parent: parent,
      Assignee: assignee,
      Predecessors: preds.join("; "),
    };
  });
  const result = importScheduleRecords([...CSV_COLUMNS], records, ctx);
  // Row numbers become the tasks' IDs, the row numbers MS Project shows.
  const idOf = (i: number) => Number(text(tasks[i], "ID")) || i + 1;
  const refused = result.refused.map((r) => ({ ...r, row: idOf(r.row - 2) }));
  for (const [i, reasons] of drops) {
    const same = refused.find((r) => r.row === idOf(i));
    if (same) same.reasons.push(...reasons);
    else refused.push({ row: idOf(i), name: records[i]!.Name, reasons, imported: true });
  }
  refused.sort((a, b) => a.row - b.row);
  const { calendar, notes } = readCalendar(project);
  return { ...result, refused, calendar, notes };
}
