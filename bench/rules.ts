/**
 * The plan rules a plan page runs on every render, timed on the large plan of bench/page.ts
 * (1,000 tasks, 300 risks, a 15-column RACI grid): `npm run bench:rules`. CPU only, no database.
 * BENCH_RULE_RUNS sets the timed runs per rule (after as many warm-up runs).
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { readDocContent, toPlanContent } from "../lib/doc";
import { planCompleteness } from "../lib/plan/completeness";
import { criticalPath } from "../lib/plan/critical-path";
import { planMetrics } from "../lib/plan/metrics";
import { raciProblems, raciRows } from "../lib/plan/raci";
import { largePlan } from "./large-plan";

const RUNS = Number(process.env.BENCH_RULE_RUNS ?? 200);
const content = readDocContent(largePlan(randomUUID())).content;
const plan = toPlanContent(content);

const rules: [string, () => unknown][] = [
  ["critical path (schedule grid, Gantt)", () => criticalPath(plan.tasks, plan.dependencies, plan.calendar)],
  ["completeness (panel)", () => planCompleteness(toPlanContent(content))],
  ["metrics (Metrics section)", () => planMetrics(toPlanContent(content), "2027-02-01")],
  [
    "RACI problems (RACI grid)",
    () => raciProblems(raciRows(plan.tasks, plan.deliverables), plan.raciColumns, plan.raciCells),
  ],
  ["content as JSON (page → browser)", () => JSON.parse(JSON.stringify(content))],
];

console.log(
  `Plan rules on 1,000 tasks / 300 risks / 15 RACI columns — Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}, ${RUNS} runs each`,
);
console.log("");
console.log("| rule | p50 ms | p95 ms |");
console.log("|---|---|---|");
for (const [name, fn] of rules) {
  for (let i = 0; i < RUNS; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  console.log(`| ${name} | ${at(0.5)} | ${at(0.95)} |`);
}
