"use client";

/**
 * Live drag presence over awareness: while someone drags a bar, everyone else sees it where it is
 * going, in that person's colour. The field is `ganttDrag: { taskId, start, end } | null`.
 */
import { useCallback } from "react";
import { useCollabClient } from "@/components/collab/collab-provider";
import { lookOf, useOthers, type Other } from "@/components/collab/presence";
import { isISODate } from "@/lib/plan/dates";
import type { Drag, RemoteDrag } from "./gantt-timeline";

const noDrags: RemoteDrag[] = [];

function readDrags(others: readonly Other[]): RemoteDrag[] {
  const out: RemoteDrag[] = [];
  for (const { clientId, state, user } of others) {
    const d = state.ganttDrag as Partial<Drag> | null | undefined;
    if (!d || typeof d.taskId !== "string" || !isISODate(d.start) || !isISODate(d.end)) continue;
    const { name, color } = user ?? lookOf(state, clientId);
    out.push({ taskId: d.taskId, start: d.start, end: d.end, color, name });
  }
  return out;
}

const sameDrags = (a: readonly RemoteDrag[], b: readonly RemoteDrag[]) =>
  a.length === b.length &&
  a.every((d, i) => {
    const e = b[i]!;
    return d.taskId === e.taskId && d.start === e.start && d.end === e.end && d.color === e.color && d.name === e.name;
  });

export function useDragPresence(): { remoteDrags: RemoteDrag[]; publish: (drag: Drag | null) => void } {
  const client = useCollabClient();
  const remoteDrags = useOthers("ganttDrag", readDrags, sameDrags, noDrags);
  const publish = useCallback(
    (drag: Drag | null) => {
      if (!client || client.readOnly) return;
      client.provider.awareness.setLocalStateField("ganttDrag", drag);
    },
    [client],
  );
  return { remoteDrags, publish };
}
