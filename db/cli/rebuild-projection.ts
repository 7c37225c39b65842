/**
 * Rebuild the relational projection of every plan (or the plans named as arguments) from the
 * stored document logs, which are authoritative.
 *   npm run db:rebuild-projection [-- <planId> …]
 */
import { closeDb } from "../index";
import { runMigrations } from "../migrate";
import { plansWithContent } from "../../lib/collab/persistence";
import { rebuildProjection } from "../../lib/collab/projection";

await runMigrations();
const planIds = process.argv.slice(2).length ? process.argv.slice(2) : await plansWithContent();
let done = 0;
let failed = 0;
for (const planId of planIds) {
  try {
    if (await rebuildProjection(planId)) done++;
  } catch (err) {
    failed++;
    console.error(`plan ${planId}: ${err instanceof Error ? err.message : err}`);
  }
}
console.log(`Rebuilt the projection of ${done} plan(s)${failed ? `; ${failed} failed` : ""}.`);
await closeDb();
process.exit(failed ? 1 : 0);
