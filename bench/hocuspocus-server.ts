/**
 * Hocuspocus 4.7 as most Yjs teams deploy it, for `bench/collab.ts`: `@hocuspocus/server` with
 * `@hocuspocus/extension-database` storing each document's whole state (`Y.encodeStateAsUpdate`) in
 * one row of its own table, in its own database, with the default debounce (2 s, at most 10 s). It
 * tells the sender "synced" once the update is applied in memory and stores it later.
 * To time edit → durable, every completed store prints one line after its commit:
 *   stored <json {doc, keys}>   keys: each writer's latest value in the benchmark's map at that state
 * (the benchmark writes send times there, so it can tell which edits the committed state holds).
 *   DATABASE_URL=… node --import tsx bench/hocuspocus-server.ts   → prints "hocuspocus listening on <port>"
 */
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("hocuspocus-server: DATABASE_URL is not set");
const sql = postgres(url, { max: 10, onnotice: () => {} });
await sql`create table if not exists hocuspocus_documents (name text primary key, data bytea not null)`;

const server = new Server({
  port: 0,
  address: "127.0.0.1",
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const [row] = await sql<{ data: Buffer }[]>`select data from hocuspocus_documents where name = ${documentName}`;
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, document, state }) => {
        // `state` was encoded just now, in this turn: the map read here is the state being stored.
        const keys: Record<string, number> = {};
        for (const [k, v] of document.getMap<{ t: number }>("bench")) keys[k] = v.t;
        await sql`insert into hocuspocus_documents (name, data) values (${documentName}, ${state})
                  on conflict (name) do update set data = excluded.data`;
        process.stdout.write(`stored ${JSON.stringify({ doc: documentName, keys })}\n`);
      },
    }),
  ],
});
await server.listen();
console.log(`hocuspocus listening on ${server.address.port}`);
