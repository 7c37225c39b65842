"use client";

import { useText } from "@/components/collab/plan-data";
import { Empty } from "./basic";

export function StrategySection() {
  const text = useText("strategy");
  if (!text) return <Empty>No strategy written yet.</Empty>;
  return <div className="mt-4 whitespace-pre-wrap text-sm text-slate-800">{text}</div>;
}
