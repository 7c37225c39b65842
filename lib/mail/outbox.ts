/**
 * Outgoing mail goes through a table in PostgreSQL (`mail_outbox`): a service writes the row and
 * returns; the worker (lib/mail/worker.ts) sends it. A mail server that is down delays mail and
 * loses none: a failed send leaves the row with its error and a later attempt time (exponential
 * backoff). Each row is claimed by one worker at a time and marked sent right after the server took
 * it; its id is the Message-ID, so the rare resend after an uncertain send (a crash between the
 * server's answer and the mark) is recognisable as the same mail.
 */
import nodemailer, { type Transporter } from "nodemailer";
import {
  claimOutbox,
  insertOutbox,
  markOutboxFailed,
  markOutboxSent,
  type NewMail,
  type OutboxRow,
} from "@/db/queries/mail";
import { recipients } from "@/db/queries/users";
import { setting } from "@/lib/env";
import type { Mail } from "./templates";

export type { OutboxRow };

/** Hands one mail to a mail server; throws when it was not taken. */
export type Sender = (row: OutboxRow) => Promise<void>;

export const MAX_ATTEMPTS = 15;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;
/** Longer than a send can take (the timeouts below), so a claimed row is not claimed again meanwhile. */
export const LEASE_MS = 5 * 60_000;
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … up to 6 h. */
export const retryDelay = (attempts: number) =>
  Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));

/** Whether mail actually leaves this server (SMTP_URL set) or only reaches its log. */
export const mailEnabled = () => Boolean(setting("SMTP_URL"));

/** An absolute link into this server, for mail. */
export const appUrl = (path: string) => `${setting("PUBLIC_URL")}${path}`;

const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "planwright.local";

const transports = new Map<string, Transporter>();

/** Sends through the SMTP server of `url` (one transport per URL, reused). */
export function smtpSender(url: string, from = setting("MAIL_FROM")): Sender {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, ...TIMEOUTS });
    transports.set(url, transport);
  }
  const t = transport;
  return async (row) => {
    await t.sendMail({
      from,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      messageId: `<${row.id}@${domainOf(from)}>`,
      headers: { "X-Planwright-Kind": row.kind },
    });
  };
}

/** Without SMTP_URL: the mail goes to the server log (development), and counts as delivered. */
export const logSender: Sender = async (row) => {
  console.log(`[mail] SMTP_URL is not set; not sent (${row.kind}) to ${row.to}: ${row.subject}\n${row.text}`);
};

export function defaultSender(): Sender {
  const url = setting("SMTP_URL");
  return url ? smtpSender(url) : logSender;
}

const POKE = Symbol.for("planwright.mailWorker.poke");
const holder = globalThis as { [POKE]?: () => void };

/** The worker registers how to wake it; the Next.js bundles share it through globalThis. */
export function onMailQueued(poke: (() => void) | undefined) {
  holder[POKE] = poke;
}

/** Queue mails; the worker sends them shortly (at once when it runs in this process). */
export async function queueMail(mails: { to: string; kind: string; mail: Mail }[]): Promise<string[]> {
  const rows: NewMail[] = mails.map(({ to, kind, mail }) => ({ to, kind, ...mail }));
  const ids = await insertOutbox(rows);
  if (ids.length) holder[POKE]?.();
  return ids;
}

/** Queue one mail for each of these people (by user id), written for each by `write`. */
export async function mailUsers(
  userIds: string[],
  kind: string,
  write: (person: { id: string; name: string; email: string }) => Mail,
) {
  const people = await recipients([...new Set(userIds)]);
  return queueMail(people.map((p) => ({ to: p.email, kind, mail: write(p) })));
}

/**
 * Send every mail due at `now`, batch by batch. A failure stays in the outbox with its error, to be
 * tried again after `retryDelay`; it does not stop the other mails of the batch.
 */
export async function drainOutbox(opts: { sender?: Sender; now?: Date; batch?: number } = {}) {
  const sender = opts.sender ?? defaultSender();
  const now = opts.now ?? null;
  const batch = opts.batch ?? 20;
  let sent = 0;
  let failed = 0;
  for (;;) {
    const rows = await claimOutbox(now, LEASE_MS, batch, MAX_ATTEMPTS);
    for (const row of rows) {
      try {
        await sender(row);
      } catch (err) {
        failed++;
        const message = err instanceof Error ? err.message : String(err);
        const last = row.attempts >= MAX_ATTEMPTS;
        console.error(
          `[mail] ${row.kind} to ${row.to} failed (attempt ${row.attempts}${last ? ", giving up" : ""}): ${message}`,
        );
        await markOutboxFailed(row.id, message, new Date(Date.now() + retryDelay(row.attempts)));
        continue;
      }
      await markOutboxSent(row.id, new Date());
      sent++;
    }
    if (rows.length < batch) return { sent, failed };
  }
}
