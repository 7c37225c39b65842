// npm run db:seed — the explicit way to put the demo account and plan into a database.
import { closeDb, getDb } from "../index";
import { runMigrations } from "../migrate";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "../../lib/demo/seed";

await runMigrations();
const created = await seedDemo(await getDb());
console.log(created ? `Demo data created. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}` : "Demo data already present.");
await closeDb();
