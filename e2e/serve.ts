/**
 * The server Playwright starts: the production build on a fresh PostgreSQL database of its own.
 */
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "../db/test-database";

const db = await createTestDatabase("pw_e2e");
process.env.DATABASE_URL = db.url;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
// Every test browser signs up from 127.0.0.1; the limits themselves are covered by integration tests.
process.env.SIGNUPS_PER_ADDRESS ??= "100000";
process.env.SIGNIN_ATTEMPTS_PER_ADDRESS ??= "100000";
process.env.COLLAB_UPGRADES_PER_MINUTE ??= "100000";
// Keep CSP violation reports for the global teardown, which fails the run on any (e2e/csp-teardown.ts).
process.env.CSP_REPORTS_EXPOSED = "1";
// Webhook tests receive deliveries on loopback; refusing private addresses is covered by unit tests.
process.env.WEBHOOKS_ALLOW_PRIVATE ??= "1";
const drop = () => void db.drop().catch(() => {});
process.once("exit", () => {});
process.once("SIGTERM", drop);
process.once("SIGINT", drop);
console.log(`e2e database: ${db.name}`);
await import("../server");
