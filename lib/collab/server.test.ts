import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestDatabase } from "@/db/testing";
import { loadDoc } from "./persistence";
import { rowsOf, updateRow } from "@/lib/doc";
import { processMetrics } from "@/lib/metrics";
import { encodeAwarenessMessage, encodeSyncMessage, MSG_SYNC, SYNC_STEP2, SYNC_UPDATE } from "./protocol";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace, inviteMember, removeMember } from "@/lib/services/workspaces";
import { setPlanRole } from "@/lib/services/sharing";
import {
  tasksIn,
  addTask,
  closeCode,
  holdUpdateLog,
  connectClient,
  rawSocket,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";

useTestDatabase();

let n = 0;
async function user(name: string) {
  const email = `${name.toLowerCase()}${++n}-${randomUUID().slice(0, 6)}@example.com`;
  const u = await signUp({ name, email, password: "correct horse battery" });
  return { id: u.id, email, cookie: await sessionCookie(u.id), principal: { kind: "user" as const, userId: u.id } };
}

const VIEW_TOKEN = "view-token-for-tests";
let server: TestServer;
let owner: Awaited<ReturnType<typeof user>>;
let editor: Awaited<ReturnType<typeof user>>;
let workspaceId: string;
const clients: TestClient[] = [];
const client = (...args: Parameters<typeof connectClient>) => {
  const c = connectClient(...args);
  clients.push(c);
  return c;
};
const synced = (c: TestClient) => waitFor(() => c.provider.synced, "client synced");

async function newPlan(title = "Plan") {
  return (await createPlan(owner.principal, workspaceId, { title })).id;
}

async function logRows(planId: string) {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    const [r] = await sql<{ n: number }[]>`select count(*)::int as n from collab_updates where plan_id = ${planId}`;
    return r!.n;
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  owner = await user("Owner");
  editor = await user("Editor");
  workspaceId = (await createWorkspace(owner.principal, { name: "Collab" })).id;
  await inviteMember(owner.principal, workspaceId, { email: editor.email, role: "member" });
  server = await startCollabServer({
    config: { idleUnloadMs: 200, compactAfter: 20, projectionDebounceMs: 50, maxMessageBytes: 64 * 1024 },
    // A fixed read-only token stands in for a share link (the app resolves real ones in server.ts).
    resolveShareToken: async (token) => (token === VIEW_TOKEN ? { tokenId: "test-link" } : null),
  });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

describe("collaboration server (real PostgreSQL, stock y-websocket clients)", () => {
  it("two editors converge, and each is told when its edits are saved", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    const b = client(server.url, planId, { cookie: editor.cookie });
    await Promise.all([synced(a), synced(b)]);
    const t1 = randomUUID();
    const t2 = randomUUID();
    a.doc.transact(() => addTask(a.doc, t1, { name: "Design", start: "2026-01-05", end: "2026-01-09" }));
    b.doc.transact(() => addTask(b.doc, t2, { name: "Build" }));
    await waitFor(
      () => rowsOf(a.doc, "tasks").size === 2 && rowsOf(b.doc, "tasks").size === 2,
      "both tasks everywhere",
    );
    // Concurrent edits of different fields of one row both survive.
    updateRow(a.doc, "tasks", t1, { name: "Design v2" });
    updateRow(b.doc, "tasks", t1, { end: "2026-01-12" });
    await waitFor(
      () =>
        JSON.stringify(tasksIn(a.doc)) === JSON.stringify(tasksIn(b.doc)) &&
        tasksIn(a.doc).some((t) => t.name === "Design v2" && t.end === "2026-01-12"),
      "field edits merged",
    );
    await waitFor(() => a.saved() >= 3 && b.saved() >= 3, "saved acknowledgements");
    const stored = await loadDoc(planId);
    expect(tasksIn(stored.doc)).toEqual(tasksIn(a.doc));
  });

  it("persists before broadcast: while the log cannot be written, nobody sees the edit and no ack comes", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    const b = client(server.url, planId, { cookie: editor.cookie });
    await Promise.all([synced(a), synced(b)]);
    await waitFor(() => a.saved() >= 1, "initial step 2 acknowledged");
    const savedBefore = a.saved();
    const log = await holdUpdateLog();
    a.doc.transact(() => addTask(a.doc, randomUUID(), { name: "Blocked" }));
    await new Promise((r) => setTimeout(r, 400));
    expect(rowsOf(b.doc, "tasks").size).toBe(0);
    expect(a.saved()).toBe(savedBefore);
    log.release();
    await waitFor(() => rowsOf(b.doc, "tasks").size === 1, "edit arrives once stored");
    await waitFor(() => a.saved() > savedBefore, "ack after commit");
    await log.close();
    expect(await logRows(planId)).toBeGreaterThanOrEqual(1);
  });

  it("writes stored in one group commit reach each reader as one message", async () => {
    const planId = await newPlan();
    const editors = [0, 1, 2, 3].map(() => client(server.url, planId, { cookie: owner.cookie }));
    await Promise.all(editors.map(synced));
    await waitFor(() => editors.every((e) => e.saved() >= 1), "initial step 2s acknowledged");
    const raw = await rawSocket(`${server.url}/${planId}?token=${VIEW_TOKEN}`);
    const updates: Uint8Array[] = [];
    raw.ws!.on("message", (data: ArrayBuffer) => {
      const bytes = new Uint8Array(data);
      if (bytes[0] === MSG_SYNC && bytes[1] === SYNC_UPDATE) updates.push(bytes);
    });
    // The first edit's INSERT waits on the lock; the other three queue behind it as the next group.
    const log = await holdUpdateLog();
    const saved = editors.map((e) => e.saved());
    editors[0]!.doc.transact(() => addTask(editors[0]!.doc, randomUUID(), { name: "First" }));
    await new Promise((r) => setTimeout(r, 100));
    editors.slice(1).forEach((e, i) => e.doc.transact(() => addTask(e.doc, randomUUID(), { name: `Queued ${i}` })));
    await new Promise((r) => setTimeout(r, 200));
    log.release();
    await waitFor(() => editors.every((e, i) => e.saved() > saved[i]!), "every edit acknowledged");
    await waitFor(() => editors.every((e) => rowsOf(e.doc, "tasks").size === 4), "every editor has all four tasks");
    await log.close();
    // Two groups (the first edit, then the three queued), so two messages for four edits.
    expect(updates.length).toBe(2);
    const seen = new Y.Doc();
    for (const m of updates) {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d); // sync
      decoding.readVarUint(d); // update
      Y.applyUpdate(seen, decoding.readVarUint8Array(d));
    }
    expect(rowsOf(seen, "tasks").size).toBe(4);
    raw.ws!.close();
  });

  it("refuses a viewer's updates and sync step 2: never applied, stored or relayed", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    await synced(a);
    a.doc.transact(() => addTask(a.doc, randomUUID(), { name: "Original" }));
    await waitFor(() => a.saved() >= 2, "owner's edit saved");
    const rowsBefore = await logRows(planId);
    const refusedBefore = (await processMetrics().refusedWrites.get()).values.reduce((s, v) => s + v.value, 0);

    // A viewer that edited "offline" before connecting: its local changes must not slip in.
    const viewerDoc = new Y.Doc();
    addTask(viewerDoc, randomUUID(), { name: "Offline viewer edit" });
    const v = client(server.url, planId, { token: VIEW_TOKEN, doc: viewerDoc });
    await synced(v);
    expect(rowsOf(v.doc, "tasks").size).toBe(2);
    v.doc.transact(() => addTask(v.doc, randomUUID(), { name: "Live viewer edit" }));

    // And a hand-made client sending both kinds of write explicitly.
    const raw = await rawSocket(`${server.url}/${planId}?token=${VIEW_TOKEN}`);
    expect(raw.status).toBe(101);
    const evil = new Y.Doc();
    addTask(evil, randomUUID(), { name: "Sneaky" });
    const update = Y.encodeStateAsUpdate(evil);
    raw.ws!.send(encodeSyncMessage(SYNC_UPDATE, update));
    raw.ws!.send(encodeSyncMessage(SYNC_STEP2, update));

    await waitFor(
      async () =>
        (await processMetrics().refusedWrites.get()).values.reduce((s, v) => s + v.value, 0) >= refusedBefore + 3,
      "refusals counted",
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(tasksIn(a.doc).map((t) => t.name)).toEqual(["Original"]);
    expect(tasksIn(server.collab.docOf(planId)!).map((t) => t.name)).toEqual(["Original"]);
    expect(await logRows(planId)).toBe(rowsBefore);
    // The viewer still receives live updates.
    a.doc.transact(() => addTask(a.doc, randomUUID(), { name: "Second" }));
    await waitFor(() => tasksIn(v.doc).some((t) => t.name === "Second"), "viewer gets updates");
    raw.ws!.close();
  });

  it("refuses non-members, bad cookies, unknown tokens and bad paths before the upgrade", async () => {
    const planId = await newPlan();
    const stranger = await user("Mallory");
    expect((await rawSocket(`${server.url}/${planId}`, stranger.cookie)).status).toBe(404);
    expect((await rawSocket(`${server.url}/${planId}`)).status).toBe(401);
    expect((await rawSocket(`${server.url}/${planId}`, "authjs.session-token=not-a-jwt")).status).toBe(401);
    const forged = (await sessionCookie(owner.id, "some-other-secret-0123456789abcdef0123")).toString();
    expect((await rawSocket(`${server.url}/${planId}`, forged)).status).toBe(401);
    expect((await rawSocket(`${server.url}/${planId}?token=unknown-token-123`)).status).toBe(401);
    expect((await rawSocket(`${server.url}/not-a-uuid`, owner.cookie)).status).toBe(404);
    expect((await rawSocket(`${server.url}/${randomUUID()}`, owner.cookie)).status).toBe(404);
    expect((await rawSocket(`${server.url}/${planId}`, owner.cookie)).status).toBe(101);
  });

  it("a garbage, truncated or oversized frame closes only its sender", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    const b = client(server.url, planId, { cookie: editor.cookie });
    await Promise.all([synced(a), synced(b)]);

    const garbage = (await rawSocket(`${server.url}/${planId}`, owner.cookie)).ws!;
    const garbageClosed = closeCode(garbage);
    garbage.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x07, 1, 2, 3]));
    expect(await garbageClosed).toBe(4400);

    const truncated = (await rawSocket(`${server.url}/${planId}`, owner.cookie)).ws!;
    const truncatedClosed = closeCode(truncated);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint(e, 500); // claims 500 bytes, carries 3
    encoding.writeUint8Array(e, new Uint8Array([1, 2, 3]));
    truncated.send(encoding.toUint8Array(e));
    expect(await truncatedClosed).toBe(4400);

    const badUpdate = (await rawSocket(`${server.url}/${planId}`, owner.cookie)).ws!;
    const badUpdateClosed = closeCode(badUpdate);
    badUpdate.send(encodeSyncMessage(SYNC_UPDATE, new Uint8Array([5, 200, 1, 7, 7, 7, 7])));
    expect(await badUpdateClosed).toBe(4400);

    const big = (await rawSocket(`${server.url}/${planId}`, owner.cookie)).ws!;
    const bigClosed = closeCode(big);
    big.send(Buffer.alloc(65 * 1024, 1));
    expect(await bigClosed).toBe(1009);

    // Everyone else carries on.
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    a.doc.transact(() => addTask(a.doc, randomUUID(), { name: "Still fine" }));
    await waitFor(() => rowsOf(b.doc, "tasks").size === 1, "others still converge");
  });

  it("refuses connections beyond the per-user and per-plan limits with 429", async () => {
    const limited = await startCollabServer({ config: { maxConnectionsPerUser: 2, maxConnectionsPerPlan: 3 } });
    try {
      const planId = await newPlan();
      const open = [];
      for (let i = 0; i < 2; i++) open.push((await rawSocket(`${limited.url}/${planId}`, owner.cookie)).ws!);
      expect((await rawSocket(`${limited.url}/${planId}`, owner.cookie)).status).toBe(429);
      open.push((await rawSocket(`${limited.url}/${planId}`, editor.cookie)).ws!);
      const third = await user("Third");
      await inviteMember(owner.principal, workspaceId, { email: third.email, role: "member" });
      expect((await rawSocket(`${limited.url}/${planId}`, third.cookie)).status).toBe(429);
      // A closed connection frees its place.
      const closed = closeCode(open[0]!);
      open[0]!.close();
      await closed;
      await waitFor(
        async () => (await rawSocket(`${limited.url}/${planId}`, third.cookie)).status === 101,
        "slot freed",
      );
      for (const ws of open) ws.close();
    } finally {
      await limited.close();
    }
  });

  it("reports its figures in Prometheus format", async () => {
    const text = await processMetrics().registry.metrics();
    for (const name of [
      "planwright_collab_open_documents",
      "planwright_collab_connections",
      "planwright_collab_persisted_updates_total",
      "planwright_collab_persist_seconds_bucket",
      "planwright_collab_refused_writes_total",
      "planwright_collab_relay_lag_seconds",
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/planwright_collab_refused_writes_total\{kind="update"\} [1-9]/);
  });

  it("closes a removed member's sockets at once", async () => {
    const planId = await newPlan();
    const member = await user("Leaver");
    await inviteMember(owner.principal, workspaceId, { email: member.email, role: "member" });
    const conn = (await rawSocket(`${server.url}/${planId}`, member.cookie)).ws!;
    const closed = closeCode(conn);
    await removeMember(owner.principal, workspaceId, member.id);
    expect(await closed).toBe(4403);
    expect((await rawSocket(`${server.url}/${planId}`, member.cookie)).status).toBe(404);
  });

  it("an editor made a viewer of the plan keeps reading, and from then on cannot write", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    const e = client(server.url, planId, { cookie: editor.cookie });
    await Promise.all([synced(a), synced(e)]);
    e.doc.transact(() => addTask(e.doc, randomUUID(), { name: "Before" }));
    await waitFor(() => rowsOf(a.doc, "tasks").size === 1, "editor's edit arrives");
    await setPlanRole(owner.principal, planId, editor.id, { role: "viewer" });
    // Told at once, so the browser can switch its editing controls off.
    await waitFor(() => e.canWrite() === false, "the new viewer is told it can only read");
    e.doc.transact(() => addTask(e.doc, randomUUID(), { name: "After" }));
    a.doc.transact(() => addTask(a.doc, randomUUID(), { name: "Owner's" }));
    await waitFor(() => tasksIn(e.doc).some((t) => t.name === "Owner's"), "the new viewer still receives");
    await new Promise((r) => setTimeout(r, 200));
    expect(
      tasksIn(a.doc)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["Before", "Owner's"]);
    expect(e.provider.wsconnected).toBe(true);

    // Made an editor again: told so, and asked for what it holds (sync step 1, as when an editor
    // joins), so the edit refused while it was a viewer arrives now rather than at its next reconnect.
    await setPlanRole(owner.principal, planId, editor.id, { role: "editor" });
    await waitFor(() => e.canWrite() === true, "told it can write again");
    await waitFor(() => tasksIn(a.doc).some((t) => t.name === "After"), "the edit it held arrives without a reconnect");
    e.doc.transact(() => addTask(e.doc, randomUUID(), { name: "Editor again" }));
    await waitFor(() => tasksIn(a.doc).some((t) => t.name === "Editor again"), "its edit arrives");
    expect(
      tasksIn(a.doc)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["After", "Before", "Editor again", "Owner's"]);
  });

  it("compacts a busy plan's log once its writes pause, not while they keep coming", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    await synced(a);
    const snapshots = async () => {
      const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
      const [row] = await sql<
        { n: number }[]
      >`select count(*)::int as n from collab_snapshots where plan_id = ${planId}`;
      await sql.end();
      return row!.n;
    };
    // 40 writes 50 ms apart: past the threshold of 20 rows, never a second's pause.
    for (let i = 0; i < 40; i++) {
      a.doc.transact(() => addTask(a.doc, randomUUID(), { name: `T${i}`, order: i }));
      await waitFor(() => a.saved() >= i + 2, "saved");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await logRows(planId)).toBeGreaterThanOrEqual(40);
    expect(await snapshots()).toBe(0);
    // Then a pause: the log is folded into a snapshot while the document is still open.
    await waitFor(async () => (await snapshots()) === 1, "compacted after the pause", 5000);
    expect(await logRows(planId)).toBeLessThan(20);
    expect(server.collab.docOf(planId)).toBeDefined();
    a.destroy();
  });

  it("unloads idle documents and reloads them from snapshot + tail", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    await synced(a);
    for (let i = 0; i < 30; i++) a.doc.transact(() => addTask(a.doc, randomUUID(), { name: `T${i}`, order: i }));
    await waitFor(() => a.saved() >= 31, "all saved");
    a.destroy();
    await waitFor(() => server.collab.docOf(planId) === undefined, "document left memory");
    const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
    const [snap] = await sql<
      { n: number }[]
    >`select count(*)::int as n from collab_snapshots where plan_id = ${planId}`;
    await sql.end();
    expect(snap!.n).toBe(1);
    expect(await logRows(planId)).toBeLessThan(20);
    const again = client(server.url, planId, { cookie: editor.cookie });
    await synced(again);
    expect(tasksIn(again.doc).map((t) => t.name)).toEqual(Array.from({ length: 30 }, (_, i) => `T${i}`));
  });
});

describe("presence", () => {
  it("a connection cannot overwrite or remove someone else's presence", async () => {
    const planId = await newPlan();
    const a = client(server.url, planId, { cookie: owner.cookie });
    const b = client(server.url, planId, { cookie: editor.cookie });
    await Promise.all([synced(a), synced(b)]);
    a.awareness().setLocalStateField("user", { id: owner.id, name: "Owner" });
    const names = () =>
      [...b.awareness().getStates().values()]
        .map((s) => (s.user as { name?: string } | undefined)?.name)
        .filter(Boolean);
    await waitFor(() => names().includes("Owner"), "presence arrives");

    // A hand-made client claims a's client id: rename it, then remove it.
    const raw = (await rawSocket(`${server.url}/${planId}`, editor.cookie)).ws!;
    const { Awareness, encodeAwarenessUpdate } = await import("y-protocols/awareness");
    const fakeDoc = new Y.Doc();
    fakeDoc.clientID = a.doc.clientID;
    const fake = new Awareness(fakeDoc);
    // A higher clock than the real one, so the update would win if it were accepted.
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { id: owner.id, name: "Impostor" } });
    raw.send(encodeAwarenessMessage(encodeAwarenessUpdate(fake, [fakeDoc.clientID])));
    fake.setLocalState(null);
    raw.send(encodeAwarenessMessage(encodeAwarenessUpdate(fake, [fakeDoc.clientID])));
    await new Promise((r) => setTimeout(r, 300));
    expect(names()).toContain("Owner");
    expect(names()).not.toContain("Impostor");
    expect(raw.readyState).toBe(raw.OPEN);
    raw.close();

    // The same person on a new socket (a reconnect whose old one has not closed yet) takes it over.
    const again = (await rawSocket(`${server.url}/${planId}`, owner.cookie)).ws!;
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { id: owner.id, name: "Owner again" } });
    again.send(encodeAwarenessMessage(encodeAwarenessUpdate(fake, [fakeDoc.clientID])));
    await waitFor(() => names().includes("Owner again"), "the same person's new socket speaks for it");
    again.close();
    fake.destroy();
  });
});
