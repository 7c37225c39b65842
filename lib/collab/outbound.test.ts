import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { useTestDatabase } from "@/db/testing";
import { createPlan } from "@/lib/services/plans";
import { signUp } from "@/lib/services/users";
import { createWorkspace } from "@/lib/services/workspaces";
import { processMetrics } from "@/lib/metrics";
import { OutboundBudget, type OutboundHolder } from "./outbound";
import { encodeSyncMessage, SYNC_STEP1 } from "./protocol";
import {
  connectClient,
  rawSocket,
  sessionCookie,
  startCollabServer,
  waitFor,
  type TestClient,
  type TestServer,
} from "@/lib/testing/collab-harness";

const MiB = 1024 * 1024;

describe("OutboundBudget", () => {
  const holder = (name: string, closed: string[]): OutboundHolder & { name: string } => {
    const h = {
      name,
      queued: 0,
      evict: () => {
        closed.push(name);
        budget.forget(h);
      },
    };
    return h;
  };
  let budget: OutboundBudget;

  it("drops a socket past its own bound, but lets one large message through to an empty queue", () => {
    const closed: string[] = [];
    budget = new OutboundBudget(100, 10_000);
    const a = holder("a", closed);
    expect(budget.admit(a, 500)).toBe(true); // nothing queued: a big sync step 2 still goes out
    budget.add(a, 500);
    expect(budget.admit(a, 1)).toBe(false);
    expect(closed).toEqual(["a"]);
    expect(budget.bytes).toBe(0);
  });

  it("past the total, drops the sockets holding the most first, down to three quarters of it", () => {
    const closed: string[] = [];
    budget = new OutboundBudget(1_000, 1_000);
    const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => holder(n, closed));
    budget.add(a!, 100);
    budget.add(b!, 400);
    budget.add(c!, 300);
    budget.add(d!, 150);
    expect(closed).toEqual([]);
    budget.add(a!, 100); // 1,050 > 1,000: b (400) goes, 650 ≤ 750 so the rest stay
    expect(closed).toEqual(["b"]);
    expect(budget.bytes).toBe(650);
    budget.release(c!, 300);
    expect(budget.bytes).toBe(350);
    budget.forget(a!);
    expect(budget.bytes).toBe(150);
  });
});

describe("slow readers on a live server", () => {
  useTestDatabase();

  let server: TestServer;
  let cookie: string;
  let planId: string;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    const u = await signUp({
      name: "Owner",
      email: `slow-${randomUUID().slice(0, 8)}@example.com`,
      password: "correct horse battery",
    });
    const who = { kind: "user" as const, userId: u.id };
    const ws = await createWorkspace(who, { name: "Slow" });
    planId = (await createPlan(who, ws.id, { title: "Slow readers" })).id;
    cookie = await sessionCookie(u.id);
    // Only the total binds here (a socket may queue 64 MiB alone); messages up to 2 MiB.
    server = await startCollabServer({
      config: { maxBufferedPerSocket: 64 * MiB, maxBufferedTotal: 8 * MiB, maxMessageBytes: 2 * MiB },
    });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.terminate();
    await server.close();
  });

  /** A socket that joins the plan and then stops reading (its TCP receive side paused). */
  async function stalledReader() {
    const { ws } = await rawSocket(`${server.url}/${planId}`, cookie);
    if (!ws) throw new Error("upgrade refused");
    sockets.push(ws);
    const state = { closed: false, resume: () => tcp.resume() };
    ws.on("close", () => (state.closed = true));
    ws.on("message", () => {});
    ws.send(encodeSyncMessage(SYNC_STEP1, new Uint8Array([0])));
    await new Promise((r) => setTimeout(r, 100));
    const tcp = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    return state;
  }

  const droppedForTotal = async () =>
    (await processMetrics().evictedSlow.get()).values.find((v) => v.labels.bound === "total")?.value ?? 0;
  const openConnections = async () =>
    (await processMetrics().connections.get()).values.reduce((n, v) => n + v.value, 0);

  it("keeps queued memory under the total by dropping the slowest reader first; readers that keep up are untouched", async () => {
    const writer = connectClient(server.url, planId, { cookie });
    const reader = connectClient(server.url, planId, { cookie });
    clients.push(writer, reader);
    await waitFor(() => writer.provider.synced && reader.provider.synced, "clients synced");

    const droppedBefore = await droppedForTotal();
    const text = writer.doc.getText("notes");
    const chunk = () => randomBytes(384 * 1024).toString("base64"); // 512 KiB of text per update
    let peak = 0;
    const write = async (i: number) => {
      text.insert(text.length, chunk());
      await waitFor(() => writer.saved() > i, "update saved", 20_000);
      peak = Math.max(peak, (await processMetrics().outboundBytes.get()).values[0]?.value ?? 0);
    };

    const first = await stalledReader();
    let i = 0;
    // The first stalled reader falls 4 MiB behind (partly in the kernel's buffers) before the second stalls.
    for (; i < 8; i++) await write(i);
    const second = await stalledReader();
    const before = await openConnections();
    // From here both fall behind, the first always by more; the first drop must take the first.
    for (; i < 60 && (await openConnections()) === before; i++) await write(i);
    expect(await openConnections()).toBe(before - 1);
    // Once the second reads again it catches up and stays; the first was dropped.
    second.resume();
    for (let j = 0; j < 4; j++, i++) await write(i);
    first.resume();
    await waitFor(
      () => reader.doc.getText("notes").length === text.length,
      "the reading client has every edit",
      30_000,
    );
    await waitFor(() => first.closed, "the slowest reader sees its connection end", 10_000);
    expect(second.closed).toBe(false);
    expect(reader.provider.wsconnected).toBe(true);
    expect(writer.provider.wsconnected).toBe(true);
    // Never more queued than the total plus the message that crossed it.
    expect(peak).toBeLessThanOrEqual(8 * MiB + 1 * MiB);
    expect((await droppedForTotal()) - droppedBefore).toBe(1);
  }, 120_000);
});
