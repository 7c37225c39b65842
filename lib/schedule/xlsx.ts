/**
 * Excel workbooks (exceljs): the plan's schedule, risk register, RACI grid and budget, one sheet each,
 * and import of the schedule sheet with the CSV's columns. The sheets are made from the CSV exports
 * (one definition of every column), then typed: dates become date cells, numbers number cells.
 * Text is always written as a string cell, never as a formula, so `=cmd()` in a name stays text.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { isISODate } from "@/lib/plan/dates";
import { importScheduleRecords, type CsvImport, type ImportContext } from "./csv";

/** Columns whose cells are typed, by header name (every sheet's other columns are text). */
const DATE_COLUMNS = new Set(["Start", "End", "Review date", "Due"]);
const NUMBER_COLUMNS = new Set([
  "Duration",
  "Progress",
  "Likelihood",
  "Impact",
  "Score",
  "Planned",
  "Actual",
  "Variance",
  "Ceiling",
  "Headroom",
  "Estimated cost",
  "Hours a week",
  "Allocation",
  "Hours a week for this plan",
]);

/** The CSV exports keep formula-like text inert with a leading quote; a typed cell needs no such guard. */
const unquote = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export type Sheet = { name: string; header: string[]; rows: string[][] };

/** A CSV export as a sheet. */
export function sheetFromCsv(name: string, csv: string): Sheet {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header = [], ...rows] = parsed.data;
  return { name, header, rows: rows.map((r) => r.map(unquote)) };
}

function typed(column: string, value: string): ExcelJS.CellValue {
  if (value === "") return null;
  if (DATE_COLUMNS.has(column) && isISODate(value)) return new Date(`${value}T00:00:00Z`);
  if (NUMBER_COLUMNS.has(column) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** The workbook of the given sheets: bold, frozen header row, typed cells. */
export async function workbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Planwright";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(s.header.map((h, i) => typed(h, r[i] ?? "")));
    s.header.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(50, Math.max(10, h.length + 2, ...s.rows.map((r) => (r[i] ?? "").length + 2)));
      if (DATE_COLUMNS.has(h)) col.numFmt = "yyyy-mm-dd";
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A cell as the CSV would have it: dates YYYY-MM-DD, a formula by its last computed value. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
}

/** Reads the schedule from a workbook: the sheet named Schedule, else the first, header in row 1. */
export async function parseScheduleXlsx(bytes: ArrayBuffer | Uint8Array, ctx: ImportContext): Promise<CsvImport> {
  const fail = (fileError: string): CsvImport => ({ tasks: [], dependencies: [], refused: [], fileError });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes instanceof Uint8Array ? (bytes.slice().buffer as ArrayBuffer) : bytes);
  } catch {
    return fail("The file is not an Excel workbook (.xlsx) that can be read.");
  }
  const ws = wb.getWorksheet("Schedule") ?? wb.worksheets[0];
  if (!ws) return fail("The workbook has no sheet.");
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, n) => (header[n - 1] = cellText(c.value).trim()));
  const records: Record<string, string>[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const rec: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) rec[h] = cellText(row.getCell(i + 1).value);
    });
    records.push(rec);
  }
  // Trailing blank rows are formatting, not tasks (numbering still follows the sheet's rows).
  while (records.length && Object.values(records[records.length - 1]!).every((v) => v === "")) records.pop();
  return importScheduleRecords(header.filter(Boolean), records, ctx);
}
