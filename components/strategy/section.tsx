"use client";

import { CollabMarkdown } from "@/components/fields/collab-markdown";

export function StrategySection() {
  return (
    <CollabMarkdown
      name="strategy"
      label="Implementation strategy"
      empty="No strategy written yet."
      placeholder="## Approach — how the work will be done, its phases, and why in this order."
    />
  );
}
