"use client";

import { useParams } from "next/navigation";
import { usePlanData } from "@/components/collab/plan-data";

/**
 * Download link for a CSV export. On a read-only link's page (/s/[token]) the link carries the
 * token, since its holder has no session; members' own session authorizes them.
 */
export function CsvLink({ file, label }: { file: "risks.csv" | "raci.csv"; label: string }) {
  const { planId } = usePlanData();
  const params = useParams<{ token?: string }>();
  const token = typeof params?.token === "string" ? params.token : null;
  const href = `/api/v1/plans/${planId}/${file}${token ? `?token=${encodeURIComponent(token)}` : ""}`;
  return (
    <a
      href={href}
      download
      className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
    >
      {label}
    </a>
  );
}
