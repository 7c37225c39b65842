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
