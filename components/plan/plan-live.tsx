"use client";

import { useMemo, type ReactNode } from "react";
import { CollabProvider } from "@/components/collab/collab-provider";
import { PlanDataProvider, type Person } from "@/components/collab/plan-data";
import type { DocContent } from "@/lib/doc";
import type { ISODate } from "@/lib/plan/types";

/** Joins a plan's live document and provides its first-paint content to every section inside. */
export function PlanLive({
  planId,
  user,
  canEdit,
  shareToken,
  initial,
  members,
  today,
  importMaxBytes,
  children,
}: {
  planId: string;
  user: { id: string; name: string };
  canEdit: boolean;
  shareToken?: string;
  initial: string;
  members: Person[];
  today: ISODate;
  importMaxBytes?: number;
  children: ReactNode;
}) {
  const content = useMemo(() => JSON.parse(initial) as DocContent, [initial]);
  return (
    <CollabProvider planId={planId} user={user} readOnly={!canEdit} shareToken={shareToken}>
      <PlanDataProvider
        planId={planId}
        initial={content}
        members={members}
        today={today}
        canEdit={canEdit}
        importMaxBytes={importMaxBytes}
      >
        {children}
      </PlanDataProvider>
    </CollabProvider>
  );
}
