/** Risks by the task or milestone they are linked to, so a schedule can show each task's risks. */
import type { Risk } from "@/lib/plan/types";

export function risksByTask(risks: readonly Risk[]): Map<string, Risk[]> {
  const out = new Map<string, Risk[]>();
  for (const r of risks) {
    for (const taskId of new Set(r.linkedTaskIds)) {
      const list = out.get(taskId);
      if (list) list.push(r);
      else out.set(taskId, [r]);
    }
  }
  return out;
}
