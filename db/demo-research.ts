/**
 * The demo plan's stakeholders, research log and task priorities: who receives what and how often,
 * which research the plan rests on and what it informed. Ids come from the demo's own `ref`.
 */
import { addDays } from "@/lib/plan/dates";
import type { ISODate, Priority, ResearchEntry, Stakeholder } from "@/lib/plan/types";

type Ref = (key: string) => string;

export const demoTaskPriorities: Record<string, Priority> = {
  erp: "critical",
  orders: "high",
  auth: "high",
  uat: "high",
  legacy: "low",
  analytics: "low",
};

export function demoStakeholders(ref: Ref, people: Record<"dana" | "priya" | "sam", string>): Stakeholder[] {
  const s = (key: string, fields: Omit<Stakeholder, "id" | "order">, order: number): Stakeholder => ({
    id: ref(key),
    ...fields,
    order,
  });
  return [
    s(
      "s-cfo",
      {
        name: "Finance leadership",
        role: "CFO and controllers",
        interest: 2,
        influence: 5,
        deliverableIds: [ref("d-requirements"), ref("d-portal")],
        channel: "Steering committee",
        frequency: "monthly",
        ownerId: people.dana,
      },
      1,
    ),
    s(
      "s-support",
      {
        name: "Customer support team",
        role: "Support agents and team leads",
        interest: 5,
        influence: 4,
        deliverableIds: [ref("d-design"), ref("d-training")],
        channel: "Team stand-up and Slack channel",
        frequency: "weekly",
        ownerId: people.priya,
      },
      2,
    ),
    s(
      "s-customers",
      {
        name: "Key account customers",
        role: "Ten largest B2B accounts",
        interest: 4,
        influence: 2,
        deliverableIds: [ref("d-portal")],
        channel: "Customer newsletter",
        frequency: "milestones",
        ownerId: people.sam,
      },
      3,
    ),
    s(
      "s-it",
      {
        name: "IT operations",
        role: "Infrastructure on-call",
        interest: 2,
        influence: 2,
        deliverableIds: [ref("d-portal")],
        channel: "Change board",
        frequency: "fortnightly",
        ownerId: people.dana,
      },
      4,
    ),
  ];
}

export function demoResearch(ref: Ref, start: ISODate): ResearchEntry[] {
  return [
    {
      id: ref("res-interviews"),
      kind: "interview",
      title: "Interviews with support agents",
      date: addDays(start, 1),
      participants: "Six support agents, two team leads",
      findings:
        "- Half of all calls ask **where an order is**; agents look it up in the ERP.\n" +
        "- Invoice copies are the second reason to call.\n- Agents want ticket status visible to customers.",
      linkedIds: [ref("o-calls"), ref("orders"), ref("tickets")],
      order: 1,
    },
    {
      id: ref("res-survey"),
      kind: "survey",
      title: "Customer satisfaction survey",
      date: addDays(start, 3),
      participants: "412 customers answered (18% response rate)",
      findings: "Satisfaction with the old portal is **3.1 / 5**. Most asked-for: online payment, order tracking.",
      linkedIds: [ref("o-csat"), ref("o-online")],
      order: 2,
    },
    {
      id: ref("res-observation"),
      kind: "observation",
      title: "Shadowing the order desk",
      date: addDays(start, 4),
      participants: "Order desk, two mornings",
      findings: "Repeat orders are re-typed from emails; the ERP's batch import is slow at month end.",
      linkedIds: [ref("risk-erp"), ref("risk-peak"), ref("erp")],
      order: 3,
    },
  ];
}
