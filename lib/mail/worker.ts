/**
 * The mail worker, started by server.ts after the migrations: sends the outbox every few seconds
 * (and at once when a mail is queued in this process), and once a minute writes the mails nobody
 * asks for: task assignments, the daily digest, links about to expire. Several instances may run
 * it: every row and every announcement is claimed in the database before it is sent.
 */
import { deleteSentBefore } from "@/db/queries/mail";
import { drainOutbox, onMailQueued, type Sender } from "./outbox";
import { queueAssignmentMails, queueDigests, queueLinkExpiryMails } from "./scheduled";

const DAY = 86_400_000;
/** Sent mail is kept this long as a record, then deleted. */
const KEEP_SENT_MS = 30 * DAY;

export type MailWorker = { drain: () => Promise<void>; stop: () => Promise<void> };

export function startMailWorker(
  opts: { sender?: Sender; drainEveryMs?: number; scheduleEveryMs?: number } = {},
): MailWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await drainOutbox({ sender: opts.sender }).catch((err) =>
          console.error("[mail] outbox:", err instanceof Error ? err.message : err),
        );
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = async () => {
    try {
      const now = new Date();
      await queueAssignmentMails();
      await queueLinkExpiryMails(now);
      await queueDigests(now);
      await deleteSentBefore(new Date(now.getTime() - KEEP_SENT_MS));
    } catch (err) {
      console.error("[mail] scheduled mail:", err instanceof Error ? err.message : err);
    }
    await run();
  };

  onMailQueued(() => void run());
  const drainTimer = setInterval(() => void run(), opts.drainEveryMs ?? 5_000);
  const scheduleTimer = setInterval(() => void schedule(), opts.scheduleEveryMs ?? 60_000);
  drainTimer.unref();
  scheduleTimer.unref();
  void run();

  return {
    drain: run,
    async stop() {
      stopped = true;
      clearInterval(drainTimer);
      clearInterval(scheduleTimer);
      onMailQueued(undefined);
      await running;
    },
  };
}
