import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOutboxRow } from "@/db/queries/mail";
import { useTestDatabase } from "@/db/testing";
import { startTestSmtp, type TestSmtp } from "@/lib/testing/smtp";
import { drainOutbox, queueMail, smtpSender } from "./outbox";
import { invitation } from "./templates";

useTestDatabase();

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => smtp?.stop());

const mail = (subjectTag: string) =>
  invitation({ workspaceName: subjectTag, inviterName: "Ann", role: "member", url: "http://x/y", hasAccount: false });
const later = (ms: number) => new Date(Date.now() + ms);

describe("mail outbox", () => {
  it("delivers a queued mail through SMTP, once, with its outbox id as Message-ID", async () => {
    const [id] = await queueMail([{ to: "bob@example.com", kind: "invitation", mail: mail("Alpha <b>") }]);
    expect((await getOutboxRow(id!))?.sentAt).toBeNull();
    const result = await drainOutbox({ sender: smtpSender(smtp.url, "Planwright <pw@example.com>") });
    expect(result).toEqual({ sent: 1, failed: 0 });
    const got = await smtp.waitFor((m) => m.subject?.includes("Alpha") ?? false);
    expect(got.messageId).toBe(`<${id}@example.com>`);
    expect(got.to && "text" in got.to ? got.to.text : "").toBe("bob@example.com");
    expect(got.html).toContain("Alpha &lt;b&gt;");
    expect(got.text).toContain("Create your account: http://x/y");
    const row = await getOutboxRow(id!);
    expect(row?.sentAt).not.toBeNull();
    expect(row?.attempts).toBe(1);
    // Nothing is left to send.
    expect(await drainOutbox({ sender: smtpSender(smtp.url) })).toEqual({ sent: 0, failed: 0 });
  });

  it("sends each mail exactly once when two workers drain at the same time", async () => {
    const before = smtp.messages.length;
    const ids = await queueMail(
      Array.from({ length: 30 }, (_, i) => ({ to: `p${i}@example.com`, kind: "invitation", mail: mail(`Race ${i}`) })),
    );
    const sender = smtpSender(smtp.url);
    const [a, b] = await Promise.all([drainOutbox({ sender, batch: 4 }), drainOutbox({ sender, batch: 4 })]);
    expect(a.sent + b.sent).toBe(30);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    await expect.poll(() => smtp.messages.length - before).toBe(30);
    const received = smtp.messages.slice(before).map((m) => m.messageId);
    expect(new Set(received).size).toBe(30);
    expect(received.sort()).toEqual(ids.map((id) => `<${id}@localhost>`).sort());
  });

  it("keeps a mail through an SMTP outage and delivers it when the server is back", async () => {
    await smtp.stop();
    const [id] = await queueMail([{ to: "carol@example.com", kind: "invitation", mail: mail("Outage") }]);
    const down = await drainOutbox({ sender: smtpSender(smtp.url) });
    expect(down).toEqual({ sent: 0, failed: 1 });
    const pending = await getOutboxRow(id!);
    expect(pending?.sentAt).toBeNull();
    expect(pending?.attempts).toBe(1);
    expect(pending?.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Backed off: not tried again at once.
    expect(pending!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await drainOutbox({ sender: smtpSender(smtp.url) })).toEqual({ sent: 0, failed: 0 });

    await smtp.start();
    expect(await drainOutbox({ sender: smtpSender(smtp.url), now: later(31_000) })).toEqual({ sent: 1, failed: 0 });
    const got = await smtp.waitFor((m) => m.subject?.includes("Outage") ?? false);
    expect(got.messageId).toBe(`<${id}@localhost>`);
    const row = await getOutboxRow(id!);
    expect(row?.sentAt).not.toBeNull();
    expect(row?.lastError).toBeNull();
    expect(row?.attempts).toBe(2);
  });
});
