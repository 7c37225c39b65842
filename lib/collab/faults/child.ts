/**
 * The standalone collaboration server (lib/collab/standalone.ts) as a child process, so fault tests
 * can kill it for real (SIGKILL) or ask it to stop (SIGTERM).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { TEST_SECRET } from "@/lib/testing/collab-harness";

export type Child = { child: ChildProcess; port: number; exited: Promise<number | null>; output: () => string };

export function startStandalone(port: number, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./lib/node/register.mjs", "lib/collab/standalone.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        AUTH_SECRET: TEST_SECRET,
        NODE_ENV: "test",
        REDIS_URL: "",
        COLLAB_UPGRADES_PER_MINUTE: "1000000",
        COLLAB_MAX_CONNECTIONS_PER_USER: "100000",
        COLLAB_MAX_CONNECTIONS_PER_PLAN: "100000",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /collab listening on (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]), exited, output: () => out });
    });
    void exited.then((code) => reject(new Error(`collab server exited early (${code}): ${out.slice(-2000)}`)));
  });
}

/** kill -9, resolved once the process is gone. */
export async function killHard(c: Child) {
  c.child.kill("SIGKILL");
  await c.exited;
}
