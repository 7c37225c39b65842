/**
 * Hostile websocket traffic for the fuzz suite: malformed y-websocket messages in well-formed frames,
 * and malformed frames (bad RSV bits, opcodes, lengths, masking). Deterministic for a seed.
 */
import * as encoding from "lib0/encoding";

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    bytes(n: number) {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
      return b;
    },
  };
}
export type Rng = ReturnType<typeof prng>;

/** One frame to put on the wire. `declaredLength` lies about the payload's size in the header. */
export type HostileFrame = {
  kind: string;
  opcode: number;
  payload: Uint8Array;
  fin?: boolean;
  rsv?: number;
  masked?: boolean;
  declaredLength?: number;
  /** A message the server accepts and answers (the socket stays open). */
  harmless?: boolean;
};

const msg = (build: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
};
const BINARY = 2;
const TEXT = 1;

/** Message-level payloads: broken y-websocket messages inside valid binary frames. */
const messages: ((r: Rng) => Omit<HostileFrame, "opcode">)[] = [
  (r) => ({ kind: "random bytes", payload: r.bytes(r.int(1, 300)) }),
  () => ({ kind: "empty message", payload: new Uint8Array() }),
  (r) => ({
    kind: "truncated varint",
    payload: new Uint8Array(Array.from({ length: r.int(1, 9) }, () => 0x80 | r.int(0, 127))),
  }),
  (r) => ({
    kind: "truncated sync length",
    payload: msg(
      (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, r.pick([0, 1, 2])), encoding.writeUint8(e, 0xff)),
    ),
  }),
  (r) => ({
    kind: "huge length (2^32)",
    payload: msg((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, r.pick([0, 1, 2]));
      encoding.writeVarUint(e, 2 ** 32);
      encoding.writeUint8Array(e, r.bytes(r.int(0, 16)));
    }),
  }),
  (r) => ({
    kind: "huge awareness length",
    payload: msg(
      (e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, r.pick([2 ** 32, 2 ** 31, 2 ** 53 - 1]))),
    ),
  }),
  (r) => ({
    kind: "bad message type",
    payload: msg((e) => {
      encoding.writeVarUint(e, r.pick([2, 4, 5, 42, 99, 100, 101, 255, 2 ** 20, 2 ** 32]));
      encoding.writeUint8Array(e, r.bytes(r.int(0, 20)));
    }),
  }),
  (r) => ({
    kind: "bad sync kind",
    payload: msg(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, r.int(3, 1000)),
        encoding.writeVarUint8Array(e, r.bytes(r.int(0, 20)))
      ),
    ),
  }),
  (r) => ({
    kind: "garbage update",
    payload: msg(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, r.pick([1, 2])),
        encoding.writeVarUint8Array(e, r.bytes(r.int(1, 200)))
      ),
    ),
  }),
  (r) => ({
    kind: "trailing bytes",
    payload: msg(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint8Array(e, new Uint8Array([0])),
        encoding.writeUint8Array(e, r.bytes(r.int(1, 8)))
      ),
    ),
  }),
  (r) => ({
    kind: "garbage awareness",
    payload: msg((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, r.bytes(r.int(1, 100))))),
  }),
  (r) => ({
    kind: "awareness with broken JSON",
    payload: msg((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(
        e,
        msg(
          (a) => (
            encoding.writeVarUint(a, 1),
            encoding.writeVarUint(a, r.int(1, 2 ** 30)),
            encoding.writeVarUint(a, 1),
            encoding.writeVarString(a, '{"user":')
          ),
        ),
      );
    }),
  }),
  () => ({ kind: "query awareness", payload: msg((e) => encoding.writeVarUint(e, 3)), harmless: true }),
  () => ({
    kind: "sync step 1",
    payload: msg(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint8Array(e, new Uint8Array([0]))
      ),
    ),
    harmless: true,
  }),
];

/** Frame-level breakage: what `ws` itself must refuse. */
const frames: ((r: Rng) => HostileFrame)[] = [
  (r) => ({
    kind: "text frame",
    opcode: TEXT,
    payload: new TextEncoder().encode(r.pick(["hello", '{"type":"sync"}', "\u0000".repeat(8)])),
  }),
  (r) => ({ kind: "text frame, invalid UTF-8", opcode: TEXT, payload: new Uint8Array([0xc3, 0x28, ...r.bytes(4)]) }),
  (r) => ({ kind: "bad RSV bits", opcode: BINARY, rsv: r.pick([1, 2, 3, 4, 5, 6, 7]), payload: r.bytes(r.int(1, 20)) }),
  (r) => ({ kind: "bad opcode", opcode: r.pick([3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), payload: r.bytes(r.int(0, 20)) }),
  (r) => ({ kind: "unmasked frame", opcode: BINARY, masked: false, payload: r.bytes(r.int(1, 20)) }),
  (r) => ({
    kind: "oversized frame (declared 2^32)",
    opcode: BINARY,
    declaredLength: r.pick([2 ** 32, 2 ** 40, 64 * 1024 * 1024]),
    payload: r.bytes(64),
  }),
  (r) => ({ kind: "continuation without a start", opcode: 0, payload: r.bytes(r.int(1, 20)) }),
  (r) => ({ kind: "fragmented control frame", opcode: 9, fin: false, payload: r.bytes(4) }),
  () => ({ kind: "ping over 125 bytes", opcode: 9, payload: new Uint8Array(200) }),
  (r) => ({
    kind: "close with a bad code",
    opcode: 8,
    payload: new Uint8Array([r.pick([0, 3]), r.pick([0xe7, 0xed, 0xb8])]),
  }),
];

/** The next hostile frame: about two in three are broken messages, the rest broken frames. */
export function hostileFrame(r: Rng): HostileFrame {
  if (r.next() < 0.65) return { opcode: BINARY, ...r.pick(messages)(r) };
  return r.pick(frames)(r);
}

/** Encode a client frame (masked unless asked otherwise), honouring a lying `declaredLength`. */
export function encodeFrame(f: HostileFrame, r: Rng): Buffer {
  const masked = f.masked ?? true;
  const len = f.declaredLength ?? f.payload.length;
  const head: number[] = [((f.fin ?? true) ? 0x80 : 0) | ((f.rsv ?? 0) << 4) | (f.opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  if (len < 126) head.push(maskBit | len);
  else if (len < 65536) head.push(maskBit | 126, len >> 8, len & 0xff);
  else {
    head.push(maskBit | 127);
    const big = BigInt(len);
    for (let i = 7; i >= 0; i--) head.push(Number((big >> BigInt(i * 8)) & 0xffn));
  }
  const key = masked ? r.bytes(4) : new Uint8Array();
  const body = Buffer.from(f.payload);
  if (masked) for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), Buffer.from(key), body]);
}
