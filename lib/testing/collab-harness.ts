/**
 * The collaboration test harness, for tests and benchmarks only (the app never imports it): real
 * servers, real clients (the stock y-websocket provider over `ws`), real session cookies sealed with
 * next-auth's own encoder.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import postgres from "postgres";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { attachCollab, type CollabServer } from "@/lib/collab";
import { loadCollabConfig, type CollabConfig } from "@/lib/collab/config";
import type { ShareTokenResolver } from "@/lib/collab/auth";
import { MSG_ACCESS, MSG_SAVED, MSG_STORE } from "@/lib/collab/protocol";
import * as decoding from "lib0/decoding";
import { insertRow, readRows, type RowOf } from "@/lib/doc";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace, inviteMember } from "@/lib/services/workspaces";

export const TEST_SECRET = "collab-test-secret-0123456789abcdef0123456789";

/** A session cookie exactly as next-auth would set it after sign-in. */
export async function sessionCookie(userId: string, secret = TEST_SECRET): Promise<string> {
  const salt = "authjs.session-token";
  const token = await encode({ token: { uid: userId, sub: userId, name: "Test" }, secret, salt, maxAge: 3600 });
  return `${salt}=${token}`;
}

export type TestServer = { url: string; port: number; collab: CollabServer; close: () => Promise<void> };

/** A collaboration server on an ephemeral port (no Next.js). */
export async function startCollabServer(
  opts: {
    config?: Partial<CollabConfig>;
    redisUrl?: string;
    resolveShareToken?: ShareTokenResolver;
    port?: number;
    trustProxy?: boolean;
  } = {},
): Promise<TestServer> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  // Tests and benchmarks connect hundreds of clients from one address: no upgrade limit unless asked.
  const config = { ...loadCollabConfig({}), upgradesPerMinute: 1_000_000, ...opts.config };
  const collab = attachCollab(server, {
    config,
    secret: TEST_SECRET,
    redisUrl: opts.redisUrl,
    resolveShareToken: opts.resolveShareToken,
    trustProxy: opts.trustProxy,
  });
  await collab.ready();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    collab,
    async close() {
      server.closeAllConnections();
      await collab.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A `ws` WebSocket class that sends a cookie with its handshake, for the provider's polyfill slot. */
export function socketWithCookie(cookie?: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  } as typeof WebSocket;
}

export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Highest "saved" count the server acknowledged on the current connection. */
  saved: () => number;
  /** False while the server says it cannot store writes (its database is unreachable). */
  storeUp: () => boolean;
  /** What the server last said about this connection's right to write (null: nothing said). */
  canWrite: () => boolean | null;
  awareness: () => WebsocketProvider["awareness"];
  destroy: () => void;
};

/** The stock WebsocketProvider from Node, with the "saved" message registered like the browser does. */
export function connectClient(
  url: string,
  planId: string,
  opts: { cookie?: string; token?: string; doc?: Y.Doc; connect?: boolean } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  let saved = 0;
  const provider = new WebsocketProvider(url, planId, doc, {
    WebSocketPolyfill: socketWithCookie(opts.cookie) as never,
    disableBc: true,
    connect: opts.connect ?? true,
    params: opts.token ? { token: opts.token } : {},
    maxBackoffTime: 500,
  });
  provider.messageHandlers[MSG_SAVED] = (_enc, dec: decoding.Decoder) => {
    saved = decoding.readVarUint(dec);
  };
  let storeUp = true;
  let canWrite: boolean | null = null;
  provider.messageHandlers[MSG_ACCESS] = (_enc, dec: decoding.Decoder) => {
    canWrite = decoding.readVarUint(dec) === 1;
  };
  provider.messageHandlers[MSG_STORE] = (_enc, dec: decoding.Decoder) => {
    storeUp = decoding.readVarUint(dec) === 1;
  };
  provider.on("status", ({ status }) => {
    if (status === "connecting") saved = 0;
  });
  return {
    doc,
    provider,
    saved: () => saved,
    storeUp: () => storeUp,
    canWrite: () => canWrite,
    awareness: () => provider.awareness,
    destroy: () => provider.destroy(),
  };
}

/**
 * Holds an exclusive lock on the update log from a connection of its own: no write can be stored
 * (so none may be broadcast or acknowledged) until `release()`. `close()` ends that connection.
 */
export async function holdUpdateLog(): Promise<{ release: () => void; close: () => Promise<void> }> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await new Promise<void>((locked) => {
    void sql.begin(async (tx) => {
      await tx`lock table collab_updates in exclusive mode`;
      locked();
      await held;
    });
  });
  return { release, close: () => sql.end() };
}

/** Wait until `check` holds (polling), or fail with `what`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Open a raw socket; resolves with the HTTP status when the upgrade is refused, or the open socket. */
export function rawSocket(url: string, cookie?: string): Promise<{ status: number; ws: WebSocket | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, cookie ? { headers: { cookie } } : {});
    ws.binaryType = "arraybuffer";
    ws.on("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0, ws: null });
      ws.terminate();
    });
    ws.on("open", () => resolve({ status: 101, ws }));
    ws.on("error", () => resolve({ status: 0, ws: null }));
  });
}

/** Resolves with the close code once the socket closes. */
export const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));

/** Add a task row through the document layout's own writer (lib/doc); throws if it is refused. */
export function addTask(doc: Y.Doc, id: string, fields: Partial<Omit<RowOf<"tasks">, "id">> & { name: string }) {
  const r = insertRow(doc, "tasks", { id, ...fields } as RowOf<"tasks">);
  if (!r.ok) throw new Error(`task refused: ${JSON.stringify(r.problems)}`);
}

/** Valid task rows of a document, in display order. */
export const tasksIn = (doc: Y.Doc) => readRows(doc, "tasks").rows;

/**
 * Two well-behaved editors adding tasks in turn, one every `gapMs`, until stopped: the traffic that fault
 * and fuzz runs watch. Counts the times either socket dropped.
 */
export function editInTurns(a: TestClient, b: TestClient, gapMs: number) {
  let drops = 0;
  for (const c of [a, b]) c.provider.on("status", ({ status }) => status === "disconnected" && drops++);
  const made: string[] = [];
  let editing = true;
  const loop = (async () => {
    for (let i = 0; editing; i++) {
      const c = i % 2 ? b : a;
      const id = randomUUID();
      made.push(id);
      c.doc.transact(() => addTask(c.doc, id, { name: `good ${i}`, order: i }));
      await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  return {
    made,
    drops: () => drops,
    async stop() {
      editing = false;
      await loop;
    },
  };
}

/**
 * Ann, who owns a workspace and a plan in it, and Bob, a member of that workspace: two editors of one
 * plan, with the session cookies their browsers would hold.
 */
export async function twoEditors(title: string) {
  const email = (who: string) => `${who}-${randomUUID()}@example.com`;
  const ann = await signUp({ name: "Ann", email: email("ann"), password: "correct horse battery" });
  const bobEmail = email("bob");
  const bob = await signUp({ name: "Bob", email: bobEmail, password: "correct horse battery" });
  const owner = { kind: "user" as const, userId: ann.id };
  const workspaceId = (await createWorkspace(owner, { name: title })).id;
  await inviteMember(owner, workspaceId, { email: bobEmail, role: "member" });
  const planId = (await createPlan(owner, workspaceId, { title })).id;
  return { owner, workspaceId, planId, cookieA: await sessionCookie(ann.id), cookieB: await sessionCookie(bob.id) };
}

/** Benchmarks: every remote change to `map` carries its send time `t`; while `measuring()`, push now − t into `sink`. */
export function recordLatencies(map: Y.Map<{ t: number }>, sink: number[], measuring: () => boolean) {
  map.observe((ev) => {
    if (!measuring() || ev.transaction.local) return;
    const now = performance.now();
    for (const k of ev.keysChanged) {
      const v = map.get(k);
      if (v) sink.push(now - v.t);
    }
  });
}
