import type { Metadata } from "next";
import { WorkspaceHeader } from "@/components/workspace-header";
import { WorkloadView } from "@/components/workspace-views/workload";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { dateInTimeZone } from "@/lib/plan/dates";
import { getWorkload, WORKLOAD_WEEKS } from "@/lib/services/workspace-views";

export const metadata: Metadata = { title: "Workload · Planwright" };

export default async function WorkloadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await getPrincipal();
  const workload = await pageData(
    () => getWorkload(principal, id, dateInTimeZone(new Date(), "UTC")),
    `/workspaces/${id}/workload`,
  );
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <WorkspaceHeader id={workload.workspace.id} name={workload.workspace.name} current="workload" />
      <WorkloadView workload={workload} weeks={WORKLOAD_WEEKS} />
    </main>
  );
}
