/**
 * A collaboration-only process (no Next.js): the same `/collab/<planId>` server on its own port,
 * for running the websocket tier apart from the pages, and for the tests and benchmarks that kill
 * and restart it. Needs AUTH_SECRET; DATABASE_URL, REDIS_URL and TRUST_PROXY as for server.ts.
 *   node --import tsx --import ./lib/node/register.mjs lib/collab/standalone.ts
 * Prints `collab listening on <port>` once ready (PORT=0 picks a free port).
 */
import http from "node:http";
import { z } from "zod";
import { closeDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { trustProxy, variables } from "@/lib/env";
import { attachCollab, CollabConfigError, loadCollabConfig } from "./index";

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(0),
    HOSTNAME: z.string().default("127.0.0.1"),
    AUTH_SECRET: z.string().min(16, "AUTH_SECRET is required"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//)
      .optional(),
    /** Behind a reverse proxy: upgrade limits count the client's address from X-Forwarded-For. */
    TRUST_PROXY: trustProxy,
  })
  .safeParse(variables(["PORT", "HOSTNAME", "AUTH_SECRET", "REDIS_URL", "TRUST_PROXY"]));
if (!env.success) {
  console.error(
    `collab server cannot start: ${env.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
  );
  process.exit(1);
}
let config;
try {
  config = loadCollabConfig();
} catch (err) {
  if (!(err instanceof CollabConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

await runMigrations();
const server = http.createServer((_req, res) => res.writeHead(404).end());
const collab = attachCollab(server, {
  config,
  secret: env.data.AUTH_SECRET,
  redisUrl: env.data.REDIS_URL,
  trustProxy: env.data.TRUST_PROXY,
});
await collab.ready();
server.listen(env.data.PORT, env.data.HOSTNAME, () => {
  const address = server.address();
  console.log(`collab listening on ${typeof address === "object" && address ? address.port : env.data.PORT}`);
});

const stop = () => {
  server.close();
  void collab
    .close()
    .then(() => closeDb())
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
