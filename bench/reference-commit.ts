/**
 * The reference server (@y/websocket-server 0.1.1, in memory, no auth) with one change: every message
 * a client sends is committed to PostgreSQL before the server handles it. Messages that arrive while
 * an INSERT is in flight wait and go into the next one, in arrival order (a group commit, nothing
 * else). It shows what persisting before broadcast costs on its own, with none of Planwright's other
 * work (auth, roles, projection, compaction, limits); `bench/collab.ts` runs it beside the other two.
 *   DATABASE_URL=… node --import tsx bench/reference-commit.ts   → prints "reference+commit listening on <port>"
 */
import http from "node:http";
import postgres from "postgres";
import { WebSocketServer, type WebSocket } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("reference-commit: DATABASE_URL is not set");
const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql`create table if not exists bench_reference_log (id bigserial primary key, data bytea not null)`;

type Pending = { handle: (m: Buffer) => void; message: Buffer };
const queue: Pending[] = [];
let inFlight = false;

async function flush(): Promise<void> {
  if (inFlight || queue.length === 0) return;
  inFlight = true;
  // At most 10,000 messages an INSERT (one parameter each; PostgreSQL takes 65,535 at most).
  const batch = queue.splice(0, 10_000);
  try {
    await sql`insert into bench_reference_log ${sql(batch.map((p) => ({ data: p.message })))}`;
    for (const p of batch) p.handle(p.message);
  } catch (err) {
    console.error("reference-commit: insert failed", err);
  } finally {
    inFlight = false;
    void flush();
  }
}

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_q, r) => r.end("ok"));
server.on("upgrade", (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
    // The reference registers its own message listener; each message is committed before it runs.
    const on = ws.on.bind(ws);
    ws.on = ((event: string, listener: (...args: unknown[]) => void) => {
      if (event !== "message") return on(event, listener);
      return on("message", (data: Buffer) => {
        queue.push({ handle: (m) => listener(m), message: Buffer.from(data) });
        void flush();
      });
    }) as typeof ws.on;
    setupWSConnection(ws, req);
  }),
);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`reference+commit listening on ${typeof address === "object" && address ? address.port : "?"}`);
});
