"use client";

/**
 * Live drag presence over awareness: while someone drags a bar, everyone else sees it where it is
 * going, in that person's colour. The field is `ganttDrag: { taskId, start, end } | null`.
 */
import { useCallback, useEffect, useState } from "react";
import { useCollabClient } from "@/components/collab/collab-provider";
import { isISODate } from "@/lib/plan/dates";
import type { Drag, RemoteDrag } from "./gantt-timeline";

export function useDragPresence(): { remoteDrags: RemoteDrag[]; publish: (drag: Drag | null) => void } {
  const client = useCollabClient();
  const [remoteDrags, setRemote] = useState<RemoteDrag[]>([]);
  useEffect(() => {
    if (!client) return;
    const awareness = client.provider.awareness;
    const onChange = () => {
      const out: RemoteDrag[] = [];
      for (const [id, state] of awareness.getStates()) {
        if (id === client.doc.clientID) continue;
        const d = state.ganttDrag as Partial<Drag> | null | undefined;
        const u = state.user as { name?: unknown; color?: unknown } | undefined;
        if (!d || typeof d.taskId !== "string" || !isISODate(d.start) || !isISODate(d.end)) continue;
        const color = typeof u?.color === "string" && /^#[0-9a-f]{6}$/i.test(u.color) ? u.color : "#475569";
        out.push({
          taskId: d.taskId,
          start: d.start,
          end: d.end,
          color,
          name: typeof u?.name === "string" ? u.name.slice(0, 80) : "Someone",
        });
      }
      setRemote((prev) => (JSON.stringify(prev) === JSON.stringify(out) ? prev : out));
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [client]);
  const publish = useCallback(
    (drag: Drag | null) => {
      if (!client || client.readOnly) return;
      client.provider.awareness.setLocalStateField("ganttDrag", drag);
    },
    [client],
  );
  return { remoteDrags, publish };
}
