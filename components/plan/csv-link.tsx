"use client";

import { useParams } from "next/navigation";
import { usePlanData } from "@/components/collab/plan-data";
import { ButtonAnchor } from "@/components/ui/button";

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
    <ButtonAnchor href={href} download variant="secondary" size="sm">
      {label}
    </ButtonAnchor>
  );
}
