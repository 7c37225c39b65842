/**
 * Throwaway PostgreSQL and Redis servers for fault tests: ours to stop, kill and restart without
 * touching the shared ones other test files use. PostgreSQL's initdb refuses to run as root, so
 * when we are root it runs as the `postgres` user on a directory that user owns.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function pgBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  throw new Error("PostgreSQL server binaries (initdb, pg_ctl) were not found");
}

const asRoot = process.getuid?.() === 0;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Run a PostgreSQL tool as the `postgres` user when we are root. */
function pgTool(tool: string, args: string[]) {
  const cmd = [path.join(pgBin(), tool), ...args];
  if (asRoot) execFileSync("su", ["postgres", "-c", cmd.map(quote).join(" ")], { stdio: "pipe" });
  else execFileSync(cmd[0]!, cmd.slice(1), { stdio: "pipe" });
}

export type ThrowawayPostgres = {
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate`: like a crash, every connection dropped at once. */
  stop: () => void;
  start: () => void;
  destroy: () => void;
};

/** A fresh PostgreSQL cluster on a free port (trust auth, no fsync: it is thrown away). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pw-pg-"));
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  pgTool("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => pgTool("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => pgTool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  let alive = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy() {
      if (!alive) return;
      alive = false;
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ThrowawayRedis = {
  url: string;
  port: number;
  kill: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
};

/** A Redis server on a free port, in memory only. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, "127.0.0.1", () => {
          s.destroy();
          resolve(true);
        });
        s.on("error", () => resolve(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("redis-server did not start");
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, destroy: kill };
}
