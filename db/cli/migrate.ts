// npm run db:migrate — apply committed migrations to DATABASE_URL (or the embedded database).
import { closeDb, getDriver } from "../index";
import { runMigrations } from "../migrate";

await runMigrations();
console.log(`Migrations applied (${await getDriver()}).`);
await closeDb();
