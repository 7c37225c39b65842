/**
 * Every mail Planwright sends, as pure functions of the values they show: a subject, a plain-text
 * body and an HTML body. Mails carry a plan's title and the one item they are about, never more of
 * its content: mail leaves the server's access checks behind. Every value is HTML-escaped in the
 * HTML body; subjects and text bodies are plain text, with line breaks taken out of values so one
 * cannot add lines of its own.
 */

export type Mail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** One line of plain text: values from people never start a new line in a subject or text body. */
const line = (value: string) => value.replace(/[\r\n]+/g, " ");

type Part = string | { strong: string };
type Body = {
  subject: string;
  /** Paragraphs; a part given as `{ strong }` is emphasised in HTML. */
  paragraphs: Part[][];
  /** Optional bulleted list after the paragraphs. */
  list?: string[];
  action: { label: string; url: string };
  /** Why the person got this mail, in small print. */
  footer: string;
};

const plainPart = (p: Part) => line(typeof p === "string" ? p : p.strong);
const htmlPart = (p: Part) =>
  typeof p === "string" ? escapeHtml(line(p)) : `<strong>${escapeHtml(line(p.strong))}</strong>`;

function compose({ subject, paragraphs, list, action, footer }: Body): Mail {
  const text = [
    ...paragraphs.map((p) => p.map(plainPart).join("")),
    ...(list?.length ? [list.map((i) => `- ${line(i)}`).join("\n")] : []),
    `${action.label}: ${action.url}`,
    `--\n${footer}`,
  ].join("\n\n");
  const url = escapeHtml(action.url);
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">',
    ...paragraphs.map((p) => `<p>${p.map(htmlPart).join("")}</p>`),
    ...(list?.length ? [`<ul>${list.map((i) => `<li>${escapeHtml(line(i))}</li>`).join("")}</ul>`] : []),
    `<p><a href="${url}" style="display:inline-block;background:#4f46e5;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
    `<p style="font-size:13px;color:#475569">Or open this link: ${url}</p>`,
    `<p style="font-size:12px;color:#64748b">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: line(subject).trim().slice(0, 200), text, html };
}

const quoted = (title: string) => `“${line(title)}”`;

export function invitation(v: {
  workspaceName: string;
  inviterName: string;
  role: string;
  url: string;
  hasAccount: boolean;
}): Mail {
  return compose({
    subject: `${v.inviterName} invited you to ${v.workspaceName} on Planwright`,
    paragraphs: [
      [{ strong: v.inviterName }, " invited you to the workspace ", { strong: v.workspaceName }, ` as ${v.role}.`],
      [
        v.hasAccount
          ? "You already have an account with this email, so the workspace is waiting for you."
          : "Create your account with this email address and the workspace is yours to open.",
      ],
    ],
    action: { label: v.hasAccount ? "Open the workspace" : "Create your account", url: v.url },
    footer: "You received this because someone invited this address to a Planwright workspace.",
  });
}

export function passwordReset(v: { name: string; url: string; minutes: number }): Mail {
  return compose({
    subject: "Reset your Planwright password",
    paragraphs: [
      [`Hello ${v.name},`],
      [
        `Someone asked to reset the password of your Planwright account. The link below works once, for ${v.minutes} minutes. Setting a new password signs you out everywhere else.`,
      ],
      ["If it was not you, ignore this mail: your password stays as it is."],
    ],
    action: { label: "Choose a new password", url: v.url },
    footer: "You received this because a password reset was asked for this address.",
  });
}

export function emailVerification(v: { name: string; url: string }): Mail {
  return compose({
    subject: "Confirm your email for Planwright",
    paragraphs: [[`Hello ${v.name},`], ["Confirm that this address is yours, so Planwright can reach you here."]],
    action: { label: "Confirm my email", url: v.url },
    footer: "You received this because this address was used to create a Planwright account.",
  });
}

/** With `part`, the request or decision is about that named part of the plan only (lib/plan/parts.ts). */
const ofPlan = (part: string | undefined, planTitle: string) =>
  part ? `${part} of ${quoted(planTitle)}` : quoted(planTitle);

export function signoffRequested(v: { actorName: string; planTitle: string; part?: string; url: string }): Mail {
  return compose({
    subject: `${v.actorName} asked you to sign off ${ofPlan(v.part, v.planTitle)}`,
    paragraphs: [
      v.part
        ? [
            { strong: v.actorName },
            " asked you to sign off ",
            { strong: v.part },
            " of the plan ",
            { strong: quoted(v.planTitle) },
            ".",
          ]
        : [{ strong: v.actorName }, " asked you to sign off the plan ", { strong: quoted(v.planTitle) }, "."],
    ],
    action: { label: "Review the plan", url: v.url },
    footer: v.part
      ? `You received this because you are an approver of ${v.part} in this plan.`
      : "You received this because you are an approver of this plan.",
  });
}

export function signoffDecision(v: {
  actorName: string;
  planTitle: string;
  part?: string;
  decision: "approved" | "changes_requested";
  url: string;
}): Mail {
  const verb = v.decision === "approved" ? "approved" : "requested changes to";
  if (v.part)
    return compose({
      subject: `${v.actorName} ${verb} ${ofPlan(v.part, v.planTitle)}`,
      paragraphs: [
        [
          { strong: v.actorName },
          ` ${verb} `,
          { strong: v.part },
          " of the plan ",
          { strong: quoted(v.planTitle) },
          ".",
        ],
      ],
      action: { label: "See the review", url: v.url },
      footer: `You received this because you asked for the sign-off of ${v.part}.`,
    });
  return compose({
    subject: `${v.actorName} ${verb} ${quoted(v.planTitle)}`,
    paragraphs: [
      [{ strong: v.actorName }, ` ${verb} your plan `, { strong: quoted(v.planTitle) }, "."],
      ...(v.decision === "changes_requested" ? [["The plan is back in draft until it is sent for review again."]] : []),
    ],
    action: { label: "See the review", url: v.url },
    footer: "You received this because you own this plan.",
  });
}

export function mentioned(v: { actorName: string; planTitle: string; sectionTitle: string; url: string }): Mail {
  return compose({
    subject: `${v.actorName} mentioned you in ${quoted(v.planTitle)}`,
    paragraphs: [
      [
        { strong: v.actorName },
        " mentioned you in a comment on ",
        { strong: v.sectionTitle },
        " of ",
        { strong: quoted(v.planTitle) },
        ".",
      ],
    ],
    action: { label: "Open the comment", url: v.url },
    footer: "You received this because someone mentioned you in a comment.",
  });
}

export function taskAssigned(v: { planTitle: string; taskName: string; url: string }): Mail {
  return compose({
    subject: `You were assigned ${quoted(v.taskName)} in ${quoted(v.planTitle)}`,
    paragraphs: [["You were assigned the task ", { strong: v.taskName }, " in ", { strong: quoted(v.planTitle) }, "."]],
    action: { label: "Open the plan", url: v.url },
    footer: "You received this because a task of a plan in your workspace was assigned to you.",
  });
}

export type DigestItem = { planTitle: string; taskName: string; due: string; overdue: boolean };

export function dailyDigest(v: { name: string; items: DigestItem[]; url: string; settingsUrl: string }): Mail {
  const overdue = v.items.filter((i) => i.overdue).length;
  const dueSoon = v.items.length - overdue;
  const counts = [overdue ? `${overdue} overdue` : "", dueSoon ? `${dueSoon} due tomorrow` : ""].filter(Boolean);
  return compose({
    subject: `Your tasks: ${counts.join(", ")}`,
    paragraphs: [[`Hello ${v.name},`], ["These tasks assigned to you are due tomorrow or overdue:"]],
    list: v.items.map(
      (i) => `${i.taskName} (${quoted(i.planTitle)}) — ${i.overdue ? `overdue since ${i.due}` : `due ${i.due}`}`,
    ),
    action: { label: "Open Planwright", url: v.url },
    footer: `You receive this daily summary because it is switched on in your settings: ${v.settingsUrl}`,
  });
}

export function shareLinkExpiring(v: { planTitle: string; label: string; expiresAt: string; url: string }): Mail {
  return compose({
    subject: `A read-only link to ${quoted(v.planTitle)} expires soon`,
    paragraphs: [
      [
        "The read-only link ",
        { strong: v.label || "without a label" },
        " to ",
        { strong: quoted(v.planTitle) },
        ` stops working on ${v.expiresAt}.`,
      ],
      ["If people still need it, create a new link on the plan's sharing page."],
    ],
    action: { label: "Manage links", url: v.url },
    footer: "You received this because you created this link.",
  });
}
