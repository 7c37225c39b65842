/**
 * The four servers `bench/collab.ts` compares, each its own process (so its RSS and CPU time are its
 * own): Planwright (`lib/collab/standalone.ts`), the reference `@y/websocket-server` (in memory),
 * reference+commit (`bench/reference-commit.ts`) and Hocuspocus with its database extension
 * (`bench/hocuspocus-server.ts`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { sessionCookie, TEST_SECRET } from "../../lib/testing/collab-harness";

export type ServerName = "planwright" | "reference" | "reference+commit" | "hocuspocus";

/** What Hocuspocus reports after each committed store: each writer's latest value in that state. */
export type Stored = { doc: string; keys: Record<string, number> };

export type Target = {
  name: ServerName;
  /** Which stock client talks to it. */
  client: "y-websocket" | "hocuspocus";
  child: ChildProcess;
  url: string;
  cookie?: string;
  /** Listeners for Hocuspocus's completed stores. */
  stored: Set<(s: Stored) => void>;
};

function spawnServer(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  onLine?: (line: string) => void,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let listening = false;
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      let nl: number;
      while ((nl = out.indexOf("\n")) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const m = listening ? null : ready.exec(line);
        if (m) {
          listening = true;
          resolve({ child, port: Number(m[1]) });
        } else onLine?.(line);
      }
    });
    child.once("exit", (code) => {
      if (!listening) reject(new Error(`server exited (${code}): ${out}`));
    });
  });
}

export const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat, clock ticks of 1/100 s). */
export const cpuSeconds = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const TSX = ["--import", "tsx", "--import", "./lib/node/register.mjs"];

/** Start all four; `db` is Planwright's and reference+commit's database, `hocuspocusDb` Hocuspocus's own. */
export async function startServers(db: string, hocuspocusDb: string, userId: string): Promise<Target[]> {
  // BENCH_SERVER_PROFILE=<dir> writes a CPU profile of Planwright's server (where its time goes).
  const profile = process.env.BENCH_SERVER_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`]
    : [];
  const ours = await spawnServer(
    [...profile, ...TSX, "lib/collab/standalone.ts"],
    {
      PORT: "0",
      AUTH_SECRET: TEST_SECRET,
      REDIS_URL: "",
      COLLAB_MAX_CONNECTIONS_PER_USER: "100000",
      COLLAB_MAX_CONNECTIONS_PER_PLAN: "100000",
      COLLAB_UPGRADES_PER_MINUTE: "1000000",
    },
    /collab listening on (\d+)/,
  );
  const reference = await spawnServer(
    [
      "--input-type=module",
      "-e",
      `process.env.HOST='127.0.0.1';process.env.PORT='0';` +
        `const {WebSocketServer}=await import('ws');const http=await import('node:http');const {setupWSConnection}=await import('@y/websocket-server/utils');const wss=new WebSocketServer({noServer:true});const s=http.createServer((q,r)=>r.end('ok'));s.on('upgrade',(q,so,h)=>wss.handleUpgrade(q,so,h,w=>setupWSConnection(w,q)));s.listen(0,'127.0.0.1',()=>console.log('reference listening on '+s.address().port));`,
    ],
    {},
    /reference listening on (\d+)/,
  );
  const committing = await spawnServer(
    ["--import", "tsx", "bench/reference-commit.ts"],
    { DATABASE_URL: db },
    /reference\+commit listening on (\d+)/,
  );
  const stored = new Set<(s: Stored) => void>();
  const hocuspocus = await spawnServer(
    ["--import", "tsx", "bench/hocuspocus-server.ts"],
    { DATABASE_URL: hocuspocusDb },
    /hocuspocus listening on (\d+)/,
    (line) => {
      if (!line.startsWith("stored ")) return;
      const s = JSON.parse(line.slice(7)) as Stored;
      for (const fn of stored) fn(s);
    },
  );
  const none = () => new Set<(s: Stored) => void>();
  return [
    {
      name: "planwright",
      client: "y-websocket",
      child: ours.child,
      url: `ws://127.0.0.1:${ours.port}/collab`,
      cookie: await sessionCookie(userId),
      stored: none(),
    },
    {
      name: "reference",
      client: "y-websocket",
      child: reference.child,
      url: `ws://127.0.0.1:${reference.port}`,
      stored: none(),
    },
    {
      name: "reference+commit",
      client: "y-websocket",
      child: committing.child,
      url: `ws://127.0.0.1:${committing.port}`,
      stored: none(),
    },
    {
      name: "hocuspocus",
      client: "hocuspocus",
      child: hocuspocus.child,
      url: `ws://127.0.0.1:${hocuspocus.port}`,
      stored,
    },
  ];
}
