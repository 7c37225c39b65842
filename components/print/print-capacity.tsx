import { absencesText, ceilingNote } from "@/lib/export/capacity";
import { money, type ExportModel } from "@/lib/export/model";
import { None, Sub, Table } from "./print-parts";

/** Each person's hours a week, their share of them given to the plan, and the days they are away. */
export function AvailabilityPrint({ m }: { m: ExportModel }) {
  const { people } = m.capacity;
  if (people.length === 0) return null;
  return (
    <>
      <Sub>Availability</Sub>
      <Table
        label="Availability"
        head={["Person", "Role", "Hours a week", "Allocation", "Hours a week for this plan", "Away"]}
        rows={people.map((p) => [
          p.name,
          p.role,
          `${p.hoursPerWeek} h`,
          `${p.allocation}%`,
          `${p.planHours} h`,
          absencesText(p.absences) || "Not away",
        ])}
      />
    </>
  );
}

/** The budget ceiling against planned and actual cost, then the additional resources asked for. */
export function CeilingAndRequestsPrint({ m }: { m: ExportModel }) {
  const { ceiling, requests, currency, requestedCost } = m.capacity;
  return (
    <>
      <Sub>Budget ceiling</Sub>
      {ceiling ? (
        <>
          <Table
            label="Budget ceiling"
            head={["Ceiling", "Planned", "Actual", "Headroom", "Check"]}
            rows={[
              [
                money(ceiling.ceiling, ceiling.currency),
                money(ceiling.planned, ceiling.currency),
                money(ceiling.actual, ceiling.currency),
                money(ceiling.headroom, ceiling.currency),
                ceilingNote(ceiling),
              ],
            ]}
          />
          <p className="mt-1 text-xs text-slate-500">
            Planned and actual count the budget lines in {ceiling.currency}, the plan&apos;s currency.
          </p>
        </>
      ) : (
        <None>No budget ceiling set.</None>
      )}
      <Sub>Additional resources needed</Sub>
      {requests.length === 0 ? (
        <None>Nothing more asked for.</None>
      ) : (
        <>
          <Table
            label="Additional resources needed"
            head={["What", "Why", "Estimated cost", "Status"]}
            rows={requests.map((r) => [r.what, r.why, money(r.estimatedCost, currency), r.statusLabel])}
          />
          <p className="mt-1 text-xs text-slate-500">
            Estimated cost of the requests not declined: {money(requestedCost, currency)}
          </p>
        </>
      )}
    </>
  );
}
