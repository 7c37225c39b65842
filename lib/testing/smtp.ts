/**
 * A real SMTP server on loopback for tests (smtp-server), keeping every message it receives parsed
 * (mailparser). It can be stopped and started again on the same port to play a mail server outage.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** Resolves with the first message (already received or still to come) that `match` accepts. */
  waitFor: (match: (m: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, _session, done) {
          simpleParser(stream)
            .then((m) => {
              messages.push(m);
              for (const w of waiters) w();
              done();
            })
            .catch(done);
        },
      });
      s.on("error", () => {});
      s.listen(p, "127.0.0.1", () => {
        server = s;
        resolve((s.server.address() as { port: number }).port);
      });
      s.server.once("error", reject);
    });
  const bound = await listen(port);
  const api: TestSmtp = {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    messages,
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    async start() {
      if (!server) await listen(bound);
    },
  };
  return api;
}
