import { describe, expect, it } from "vitest";
import * as templates from "./templates";

const hostile = "<img src=x onerror=alert(1)>";
const url = "https://plans.example.com/plans/1?a=1&b=2";

/** Every template, fed the hostile string in each value a person can choose. */
const all: Record<string, templates.Mail> = {
  invitation: templates.invitation({
    workspaceName: hostile,
    inviterName: hostile,
    role: "member",
    url,
    hasAccount: false,
  }),
  passwordReset: templates.passwordReset({ name: hostile, url, minutes: 30 }),
  emailVerification: templates.emailVerification({ name: hostile, url }),
  signoffRequested: templates.signoffRequested({ actorName: hostile, planTitle: hostile, url }),
  signoffDecision: templates.signoffDecision({
    actorName: hostile,
    planTitle: hostile,
    decision: "changes_requested",
    url,
  }),
  mentioned: templates.mentioned({ actorName: hostile, planTitle: hostile, sectionTitle: "Risks", url }),
  taskAssigned: templates.taskAssigned({ planTitle: hostile, taskName: hostile, url }),
  dailyDigest: templates.dailyDigest({
    name: hostile,
    items: [{ planTitle: hostile, taskName: hostile, due: "2026-01-02", overdue: true }],
    url,
    settingsUrl: url,
  }),
  shareLinkExpiring: templates.shareLinkExpiring({
    planTitle: hostile,
    label: hostile,
    expiresAt: "2026-01-02 10:00 UTC",
    url,
  }),
};

describe("mail templates", () => {
  for (const [name, mail] of Object.entries(all)) {
    it(`${name}: values are escaped in HTML, kept as text in the text body, with the link`, () => {
      expect(mail.html).not.toContain("<img");
      expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(mail.html).toContain('href="https://plans.example.com/plans/1?a=1&amp;b=2"');
      expect(mail.text).toContain(hostile);
      expect(mail.text).toContain(url);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    });
  }

  it("a value cannot add lines to the subject or the text body", () => {
    const mail = templates.signoffRequested({ actorName: "Eve\r\nBcc: x@evil.example", planTitle: "P", url });
    expect(mail.subject).toBe("Eve Bcc: x@evil.example asked you to sign off “P”");
    expect(mail.text.split("\n")[0]).toContain("Eve Bcc: x@evil.example asked you");
  });

  it("says what happens next in each decision", () => {
    const approved = templates.signoffDecision({ actorName: "Ann", planTitle: "P", decision: "approved", url });
    expect(approved.subject).toBe("Ann approved “P”");
    expect(all.signoffDecision!.text).toContain("back in draft");
    expect(all.dailyDigest!.subject).toBe("Your tasks: 1 overdue");
    expect(all.dailyDigest!.text).toContain("overdue since 2026-01-02");
  });
});
