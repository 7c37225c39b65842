/** The timeline's zoom levels: frappe-gantt's Day, Week, Month and Year, plus a Quarter view. */
export const VIEW_MODES = ["Day", "Week", "Month", "Quarter", "Year"] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

const QUARTER = {
  name: "Quarter",
  padding: "3m",
  step: "3m",
  column_width: 120,
  date_format: "YYYY-MM",
  lower_text: (d: Date) => `Q${Math.floor(d.getMonth() / 3) + 1}`,
  upper_text: (d: Date, ld: Date | null) =>
    !ld || d.getFullYear() !== ld.getFullYear() ? String(d.getFullYear()) : "",
  thick_line: (d: Date) => d.getMonth() === 0,
  snap_at: "7d",
};

/**
 * The `view_modes` option: frappe-gantt's own modes by name plus Quarter. It starts on the first of
 * the list, so the current mode goes first.
 */
export function viewModeList(current: ViewMode): (string | object)[] {
  const all: (string | object)[] = VIEW_MODES.map((m) => (m === "Quarter" ? QUARTER : m));
  const at = VIEW_MODES.indexOf(current);
  return [...all.slice(at), ...all.slice(0, at)];
}

/** Pixels per day of each view (frappe-gantt's column widths over their steps). */
const PX_PER_DAY: Record<ViewMode, number> = {
  Day: 45,
  Week: 140 / 7,
  Month: 120 / 30.44,
  Quarter: 120 / 91.3,
  Year: 120 / 365.25,
};

/** The finest view in which `days` fit `width` pixels (with a little room either side); Year otherwise. */
export function fitMode(days: number, width: number): ViewMode {
  return VIEW_MODES.find((m) => (days + 4) * PX_PER_DAY[m] <= width) ?? "Year";
}
