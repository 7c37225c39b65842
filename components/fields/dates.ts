import { format, parseISO } from "date-fns";

/** A plan date for reading, e.g. "3 Mar 2026"; the ISO text itself if it is not a date. */
export function formatDate(iso: string): string {
  const d = parseISO(iso);
  return Number.isNaN(d.getTime()) ? iso : format(d, "d MMM yyyy");
}
