/**
 * Planwright's one process: the Next.js handler and the collaboration upgrade path on one port.
 * Run with `npm run dev` (development) or `npm start` after `npm run build` (production).
 */
import http from "node:http";
import next from "next";
import { closeDb, getDb, getDriver } from "./db/index";
import { runMigrations } from "./db/migrate";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "./lib/demo/seed";
import { attachCollab, CollabConfigError, loadCollabConfig } from "./lib/collab";
import { EnvError, loadEnv, oauthProviders } from "./lib/env";
import { startMailWorker } from "./lib/mail/worker";
import { applySecurityHeaders } from "./lib/security/headers";
import { shareLinkForPlan } from "./lib/services/sharing";
import { startWebhookWorker } from "./lib/webhooks/worker";

async function main() {
  let env;
  let collabConfig;
  try {
    env = loadEnv();
    collabConfig = loadCollabConfig();
  } catch (err) {
    if (err instanceof EnvError || err instanceof CollabConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // A self-hosted workspace reports nothing to third parties unless asked to.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  // next-auth inside the Next.js bundles reads the secret from the environment.
  process.env.AUTH_SECRET = env.AUTH_SECRET;
  const dev = env.NODE_ENV !== "production";

  await runMigrations();
  const driver = await getDriver();
  if (driver === "pglite") {
    const created = await seedDemo(await getDb());
    if (created) console.log("Demo workspace and plan created on the embedded database.");
  }
  // After the migrations: the worker reads the outbox table.
  const mail = startMailWorker();
  if (!env.SMTP_URL) console.log("SMTP_URL is not set: mail is written to this log instead of sent.");

  const app = next({ dev, hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();

  const enabledOAuth = oauthProviders();
  const headerOptions = {
    dev,
    trustProxy: env.TRUST_PROXY,
    oauthHosts: [
      ...(enabledOAuth.github ? ["github.com"] : []),
      ...(enabledOAuth.google ? ["accounts.google.com"] : []),
    ],
  };
  const server = http.createServer((req, res) => {
    applySecurityHeaders(req, res, headerOptions);
    handle(req, res).catch((err) => {
      console.error("[http]", err);
      if (!res.headersSent) res.writeHead(500).end("Internal server error");
    });
  });

  // `/collab/<planId>` is the collaboration server; in development other upgrades are Next's HMR,
  // in production they are refused (left alone they would hang).
  const collab = attachCollab(
    server,
    {
      config: collabConfig,
      secret: env.AUTH_SECRET,
      redisUrl: env.REDIS_URL,
      resolveShareToken: shareLinkForPlan,
      trustProxy: env.TRUST_PROXY,
    },
    dev ? (req, socket, head) => void nextUpgrade(req, socket, head) : undefined,
  );

  // Webhook deliveries are queued in the database; this process sends its share of them.
  const stopWebhooks = startWebhookWorker();

  server.listen(env.PORT, env.HOSTNAME, () => {
    const url = `http://localhost:${env.PORT}`;
    console.log(
      `Planwright ready at ${url} (${dev ? "development" : "production"}, database: ${driver === "pglite" ? "embedded PGlite" : "PostgreSQL"})`,
    );
    if (driver === "pglite") console.log(`Demo sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down…`);
    server.close();
    server.closeAllConnections();
    void Promise.all([collab.close(), stopWebhooks(), mail.stop()])
      .catch((err) => console.error("[shutdown]", err))
      .then(() => closeDb())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err) => {
  console.error("Planwright failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
