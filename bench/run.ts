/**
 * Every benchmark, one after the other: `npm run bench`. Each script prints its own figures.
 */
import { spawnSync } from "node:child_process";

const scripts = ["bench/collab.ts", "bench/gantt.ts"];
let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ ${script}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", "./lib/node/register.mjs", script], { stdio: "inherit", env: process.env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
