import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Connection } from "./connection";
import { MSG_AWARENESS } from "./protocol";
import { Room } from "./room";

/** A socket's side of the room: what it was sent. */
function listener() {
  const sent: Uint8Array[] = [];
  const conn = { send: (m: Uint8Array) => sent.push(m), awarenessClients: new Set<number>() } as unknown as Connection;
  return { conn, sent };
}

/** The names in one awareness message, as a stock client would read them. */
function namesIn(message: Uint8Array): string[] {
  const d = decoding.createDecoder(message);
  expect(decoding.readVarUint(d)).toBe(MSG_AWARENESS);
  const reader = new awarenessProtocol.Awareness(new Y.Doc());
  awarenessProtocol.applyAwarenessUpdate(reader, decoding.readVarUint8Array(d), "server");
  return [...reader.getStates().entries()]
    .filter(([id]) => id !== reader.clientID)
    .map(([, s]) => (s as { name: string }).name)
    .sort();
}

const presenceOf = (name: string) => {
  const a = new awarenessProtocol.Awareness(new Y.Doc());
  a.setLocalState({ name });
  return awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID]);
};
const nextTurn = () => new Promise((r) => setImmediate(r));

describe("room presence fan-out", () => {
  it("sends each socket one message per turn of the event loop with every presence that changed in it", async () => {
    const room = new Room("plan", new Y.Doc(), 0, null);
    const readers = [listener(), listener(), listener()];
    for (const r of readers) room.add(r.conn);

    // Ten people's presence arrives within one turn (a burst of renewals): one message each, not ten.
    const names = Array.from({ length: 10 }, (_, i) => `Person ${i}`);
    for (const name of names) awarenessProtocol.applyAwarenessUpdate(room.awareness, presenceOf(name), null);
    expect(readers.every((r) => r.sent.length === 0)).toBe(true);
    await nextTurn();
    for (const r of readers) {
      expect(r.sent).toHaveLength(1);
      expect(namesIn(r.sent[0]!)).toEqual([...names].sort());
    }

    // A later change goes out on its own turn, carrying only what changed.
    awarenessProtocol.applyAwarenessUpdate(room.awareness, presenceOf("Late comer"), null);
    await nextTurn();
    for (const r of readers) {
      expect(r.sent).toHaveLength(2);
      expect(namesIn(r.sent[1]!)).toEqual(["Late comer"]);
    }

    // Nothing pending is sent once the room is gone.
    awarenessProtocol.applyAwarenessUpdate(room.awareness, presenceOf("After close"), null);
    room.destroy();
    await nextTurn();
    expect(readers.every((r) => r.sent.length === 2)).toBe(true);
  });
});
