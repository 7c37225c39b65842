/**
 * An app server of a spec's own (the production build through e2e/serve.ts, on a free port and its
 * own database unless `env` names one), for specs that stop its database or read its process-wide
 * metrics, so no other spec disturbs it or is disturbed.
 */
import { spawn } from "node:child_process";
import { freePort } from "../lib/collab/faults/throwaway";

export type OwnServer = { base: string; stop: () => Promise<void> };

export async function startOwnServer(env: Record<string, string> = {}): Promise<OwnServer> {
  // A spec may name the port (its server's links must point at it, e.g. PUBLIC_URL in mail).
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const base = `http://localhost:${port}`;
  const app = spawn(process.execPath, ["--import", "tsx", "--import", "./lib/node/register.mjs", "e2e/serve.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), REDIS_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  app.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  app.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const stop = async () => {
    if (app.exitCode !== null || app.signalCode !== null) return;
    // SIGTERM lets serve.ts drop the database it made; SIGKILL if it does not go.
    app.kill("SIGTERM");
    const gone = await Promise.race([
      new Promise((r) => app.once("exit", () => r(true))),
      new Promise((r) => setTimeout(() => r(false), 10_000)),
    ]);
    if (!gone) {
      app.kill("SIGKILL");
      await new Promise((r) => app.once("exit", r));
    }
  };
  const until = Date.now() + 120_000;
  for (;;) {
    if (app.exitCode !== null) throw new Error(`app server exited: ${out}`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { base, stop };
    if (Date.now() > until) {
      await stop();
      throw new Error(`app server did not start: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
