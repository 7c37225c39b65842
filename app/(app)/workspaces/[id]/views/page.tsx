import type { Metadata } from "next";
import { WorkspaceHeader } from "@/components/workspace-header";
import { WorkspaceViews } from "@/components/workspace-views/workspace-views";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { dateInTimeZone } from "@/lib/plan/dates";
import { getWorkspaceViews } from "@/lib/services/workspace-views";

export const metadata: Metadata = { title: "This week · Planwright" };

export default async function WorkspaceViewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; priority?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const principal = await getPrincipal();
  const views = await pageData(
    () =>
      getWorkspaceViews(principal, id, dateInTimeZone(new Date(), "UTC"), {
        showDone: query.done === "1",
        priority: query.priority,
      }),
    `/workspaces/${id}/views`,
  );
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <WorkspaceHeader id={views.workspace.id} name={views.workspace.name} current="views" />
      <WorkspaceViews views={views} />
    </main>
  );
}
