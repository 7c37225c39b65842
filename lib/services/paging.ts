/**
 * Lists of the content API: paging with an opaque cursor, `updatedSince`, and the ETag of one row.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { parseInput } from "@/lib/errors";

export const MAX_LIMIT = 500;

const listQuery = z.object({
  limit: z.coerce
    .number({ message: "limit must be a whole number from 1 to 500." })
    .int("limit must be a whole number from 1 to 500.")
    .min(1, "limit must be a whole number from 1 to 500.")
    .max(MAX_LIMIT, "limit must be a whole number from 1 to 500.")
    .default(100),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "cursor is not one this API handed out.")
    .optional(),
  updatedSince: z.iso.datetime({ offset: true, message: "updatedSince must be an ISO 8601 date-time." }).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const parseListQuery = (query: unknown) => parseInput(listQuery, query);

/** The cursor is the position after the page, encoded so clients treat it as a token, not a number. */
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString());
  return m ? Number(m[1]) : 0;
}

/**
 * One page of rows. The projection keeps no per-row time, so `updatedSince` is per plan: rows are
 * listed when the plan's content was projected after that instant, and none when nothing changed.
 */
export function pageOf<T>(rows: T[], projectedAt: Date | null, q: ListQuery) {
  const changed = !q.updatedSince || (projectedAt !== null && projectedAt > new Date(q.updatedSince));
  const all = changed ? rows : [];
  const from = decodeCursor(q.cursor);
  const items = all.slice(from, from + q.limit);
  const next = from + items.length < all.length ? encodeCursor(from + items.length) : null;
  return { items, nextCursor: next, updatedAt: projectedAt?.toISOString() ?? null };
}

/** JSON with object keys sorted, so equal rows serialize equally whatever order fields were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** A row's ETag: a hash of its canonical JSON. */
export const etagOf = (row: unknown) =>
  `"${createHash("sha256").update(canonical(row)).digest("base64url").slice(0, 27)}"`;

/** Whether an If-Match header (absent: no condition) names this ETag; `*` matches any existing row. */
export function matches(ifMatch: string | null, etag: string): boolean {
  if (!ifMatch) return true;
  return ifMatch
    .split(",")
    .map((s) => s.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}
