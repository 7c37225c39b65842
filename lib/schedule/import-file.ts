/**
 * One entry for every schedule file an import reads: CSV, MS Project XML or Excel, told apart by
 * extension. A file over the size limit (IMPORT_MAX_BYTES) is refused before it is read. The result
 * is a preview: nothing is written until the person confirms it.
 */
import type { WorkingCalendar } from "@/lib/plan/types";
import { parseScheduleCsv, type CsvImport, type ImportContext } from "./csv";
import { parseMspdi } from "./mspdi-import";

export type ScheduleFormat = "csv" | "mspdi" | "xlsx";
export type ScheduleImport = CsvImport & {
  format: ScheduleFormat | null;
  /** The working calendar the file carries (MS Project XML only). */
  calendar: WorkingCalendar | null;
  /** What was dropped from the file as a whole. */
  notes: string[];
};

export const IMPORT_ACCEPT = ".csv,.xml,.xlsx,text/csv,text/xml,application/xml";

export function formatOf(fileName: string): ScheduleFormat | null {
  const ext = fileName.toLowerCase().split(".").pop();
  return ext === "csv" ? "csv" : ext === "xml" ? "mspdi" : ext === "xlsx" ? "xlsx" : null;
}

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

export async function readScheduleFile(
  file: { name: string; size: number; bytes: () => Promise<ArrayBuffer> },
  ctx: ImportContext,
  maxBytes: number,
): Promise<ScheduleImport> {
  const format = formatOf(file.name);
  const fail = (fileError: string): ScheduleImport => ({
    tasks: [],
    dependencies: [],
    refused: [],
    fileError,
    format,
    calendar: null,
    notes: [],
  });
  if (!format) return fail("Choose a .csv, MS Project .xml or Excel .xlsx file.");
  if (file.size > maxBytes) return fail(`The file is ${mib(file.size)}; at most ${mib(maxBytes)} can be imported.`);
  const bytes = await file.bytes();
  if (format === "xlsx") {
    // exceljs is large: loaded only when a workbook is imported.
    const { parseScheduleXlsx } = await import("./xlsx");
    return { ...(await parseScheduleXlsx(bytes, ctx)), format, calendar: null, notes: [] };
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  if (format === "mspdi") return { ...parseMspdi(text, ctx), format };
  return { ...parseScheduleCsv(text, ctx), format, calendar: null, notes: [] };
}
