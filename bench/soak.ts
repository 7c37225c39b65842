/**
 * The long versions of the fault and load suites: `npm run soak`.
 *   - kill -9 of the server 100 times during continuous edits (lib/collab/faults/kill-restart.test.ts)
 *   - 100,000 hostile frames against a standalone server process (zero crashes, good clients unaffected)
 *   - the load run for 10 minutes (bench/load.ts)
 * SOAK_CRASHES, SOAK_FRAMES and SOAK_LOAD_SECONDS change the sizes; SOAK_ONLY=crash|fuzz|load runs one.
 */
import { spawnSync } from "node:child_process";

const crashes = process.env.SOAK_CRASHES ?? "100";
const frames = process.env.SOAK_FRAMES ?? "100000";
const loadSeconds = process.env.SOAK_LOAD_SECONDS ?? "600";
const only = process.env.SOAK_ONLY;

const steps: { name: string; cmd: string[]; env: Record<string, string> }[] = [
  {
    name: "crash",
    cmd: ["node_modules/vitest/vitest.mjs", "run", "lib/collab/faults/kill-restart.test.ts"],
    env: { CRASH_CYCLES: crashes },
  },
  {
    name: "fuzz",
    cmd: ["--import", "tsx", "--import", "./lib/node/register.mjs", "bench/fuzz.ts"],
    env: { FUZZ_FRAMES: frames },
  },
  {
    name: "load",
    cmd: ["--import", "tsx", "--import", "./lib/node/register.mjs", "bench/load.ts"],
    env: { LOAD_SECONDS: loadSeconds },
  },
];

let failed = 0;
for (const step of steps) {
  if (only && step.name !== only) continue;
  console.log(`\n▶ soak: ${step.name}\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, step.cmd, { stdio: "inherit", env: { ...process.env, ...step.env } });
  console.log(
    `\n${step.name}: ${r.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
