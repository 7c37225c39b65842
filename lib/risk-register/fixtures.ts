import type { Risk } from "@/lib/plan/types";

/** A risk for tests: defaults for every field but the id. */
export const risk = (fields: Partial<Risk> & { id: string }): Risk => ({
  title: fields.id,
  description: "",
  category: "",
  ownerId: null,
  likelihood: 3,
  impact: 3,
  trigger: "",
  mitigation: "",
  contingency: "",
  status: "open",
  linkedTaskIds: [],
  reviewDate: null,
  ...fields,
});
