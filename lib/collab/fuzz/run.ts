/**
 * Drives hostile frames at a collaboration server over raw TCP: a real websocket upgrade (with a
 * session cookie), then frames written byte by byte as `encodeFrame` builds them. A socket the server
 * closes is replaced by a new one until `frames` have been sent. Used by the test suite (a bounded
 * sample) and by `npm run soak` (100,000 frames).
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import { encodeFrame, hostileFrame, prng, type Rng } from "./frames";

export type FuzzOptions = {
  port: number;
  /** `/collab/<planId>` */
  path: string;
  /** Session cookies to upgrade with (editors and viewers), picked at random per socket. */
  cookies: string[];
  frames: number;
  seed: number;
  /** Sockets fuzzing at once. */
  concurrency?: number;
  /** How long to wait for the server to close a socket after a frame it should refuse. */
  closeWaitMs?: number;
};

export type FuzzStats = {
  frames: number;
  sockets: number;
  /** Close codes the server sent, "none" when it dropped the TCP connection without one. */
  closes: Record<string, number>;
  /** Frames by kind. */
  kinds: Record<string, number>;
  /** Upgrades that did not answer 101 (status → count). */
  refusedUpgrades: Record<string, number>;
};

type RawConn = { socket: net.Socket; closed: Promise<string>; isOpen: () => boolean };

/** A websocket upgrade done by hand; resolves once 101 arrives (or with the refusal status). */
function upgrade(port: number, path: string, cookie: string): Promise<RawConn | { status: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let head = Buffer.alloc(0);
    let upgraded = false;
    let pending = Buffer.alloc(0);
    let code = "none";
    let open = true;
    let onClosed: (code: string) => void = () => {};
    const closed = new Promise<string>((r) => (onClosed = r));
    socket.on("error", () => {});
    socket.on("close", () => {
      open = false;
      if (!upgraded) resolve({ status: "connection closed" });
      onClosed(code);
    });
    // Server frames are read only far enough to catch its close code.
    const readFrames = () => {
      for (;;) {
        if (pending.length < 2) return;
        const opcode = pending[0]! & 0x0f;
        let len = pending[1]! & 0x7f;
        let at = 2;
        if (len === 126) {
          if (pending.length < 4) return;
          len = pending.readUInt16BE(2);
          at = 4;
        } else if (len === 127) {
          if (pending.length < 10) return;
          len = Number(pending.readBigUInt64BE(2));
          at = 10;
        }
        if (pending.length < at + len) return;
        if (opcode === 8) {
          code = len >= 2 ? String(pending.readUInt16BE(at)) : "1005";
          // Done with this socket: no need to wait out the server's close handshake timer.
          socket.destroy();
          return;
        }
        pending = pending.subarray(at + len);
      }
    };
    socket.on("data", (chunk: Buffer) => {
      if (upgraded) {
        pending = Buffer.concat([pending, chunk]);
        return readFrames();
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head.subarray(0, end).toString())?.[1] ?? "?";
      if (status !== "101") {
        socket.destroy();
        return resolve({ status });
      }
      upgraded = true;
      pending = head.subarray(end + 4);
      readFrames();
      resolve({ socket, closed, isOpen: () => open });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\nCookie: ${cookie}\r\n\r\n`,
    );
  });
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

export async function runFuzz(opts: FuzzOptions): Promise<FuzzStats> {
  const stats: FuzzStats = { frames: 0, sockets: 0, closes: {}, kinds: {}, refusedUpgrades: {} };
  const closeWait = opts.closeWaitMs ?? 300;
  let budget = opts.frames;
  const worker = async (r: Rng) => {
    while (budget > 0) {
      const conn = await upgrade(opts.port, opts.path, r.pick(opts.cookies));
      if ("status" in conn) {
        bump(stats.refusedUpgrades, conn.status);
        await new Promise((res) => setTimeout(res, 50));
        continue;
      }
      stats.sockets++;
      while (budget > 0 && conn.isOpen()) {
        budget--;
        const frame = hostileFrame(r);
        bump(stats.kinds, frame.kind);
        stats.frames++;
        conn.socket.write(encodeFrame(frame, r));
        if (frame.harmless) continue;
        // A refused frame closes the socket; a viewer's write is dropped and the socket stays.
        await Promise.race([conn.closed, new Promise((res) => setTimeout(res, closeWait))]);
      }
      if (conn.isOpen()) conn.socket.destroy();
      bump(stats.closes, await conn.closed);
    }
  };
  const seeds = prng(opts.seed);
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, () => worker(prng(seeds.int(0, 2 ** 31)))));
  return stats;
}
