import {
  availabilityTable,
  ceilingBasis,
  ceilingTable,
  requestsTable,
  requestsTotal,
} from "@/lib/export/capacity-tables";
import type { ExportModel } from "@/lib/export/model";
import { None, Sub, Table } from "./print-parts";

/** Each person's hours a week, their share of them given to the plan, and the days they are away. */
export function AvailabilityPrint({ m }: { m: ExportModel }) {
  if (m.capacity.people.length === 0) return null;
  return (
    <>
      <Sub>Availability</Sub>
      <Table label="Availability" {...availabilityTable(m.capacity)} />
    </>
  );
}

/** The budget ceiling against planned and actual cost, then the additional resources asked for. */
export function CeilingAndRequestsPrint({ m }: { m: ExportModel }) {
  const { ceiling, requests } = m.capacity;
  return (
    <>
      <Sub>Budget ceiling</Sub>
      {ceiling ? (
        <>
          <Table label="Budget ceiling" {...ceilingTable(ceiling)} />
          <p className="mt-1 text-xs text-slate-500">{ceilingBasis(ceiling)}</p>
        </>
      ) : (
        <None>No budget ceiling set.</None>
      )}
      <Sub>Additional resources needed</Sub>
      {requests.length === 0 ? (
        <None>Nothing more asked for.</None>
      ) : (
        <>
          <Table label="Additional resources needed" {...requestsTable(m.capacity)} />
          <p className="mt-1 text-xs text-slate-500">{requestsTotal(m.capacity)}</p>
        </>
      )}
    </>
  );
}
