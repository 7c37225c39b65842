import { blankRow } from "@/lib/doc";
import type { Risk } from "@/lib/plan/types";

/** A risk for tests: defaults for every field but the id. */
export const risk = (fields: Partial<Risk> & { id: string }): Risk => ({
  ...blankRow("risks", fields.id),
  title: fields.id,
  ...fields,
});
