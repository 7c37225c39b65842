/**
 * Every benchmark, one after the other: `npm run bench`. Each script prints its own figures.
 */
import { spawnSync } from "node:child_process";

// load.ts runs for LOAD_SECONDS (60 s here; 10 minutes in `npm run soak`); page.ts and presence.ts
// need a production build (NEXT_DIST_DIR) and skip themselves without one.
process.env.LOAD_SECONDS ??= "60";
const scripts = [
  "bench/collab.ts",
  "bench/gantt.ts",
  "bench/load.ts",
  "bench/rules.ts",
  "bench/page.ts",
  "bench/presence.ts",
];
let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ ${script}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", "./lib/node/register.mjs", script], {
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
