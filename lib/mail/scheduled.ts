/** Mails written by the worker on its own schedule rather than by someone's action. */
import {
  claimAssignmentNotice,
  claimDigestDay,
  claimExpiringLinks,
  digestCandidates,
  unannouncedAssignments,
} from "@/db/queries/mail";
import { appUrl, queueMail } from "./outbox";
import { dailyDigest, shareLinkExpiring, taskAssigned, type DigestItem } from "./templates";

const DAY = 86_400_000;
/** The digest goes out at the first run after this hour (UTC). */
export const DIGEST_HOUR_UTC = 7;
/** Creators hear about a link this long before it stops working. */
const LINK_NOTICE_MS = DAY;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Tasks newly assigned to a member (the projection of the live document names the assignee, as a
 * user or as a resource that stands for one): one mail per task and person, ever.
 */
export async function queueAssignmentMails() {
  for (const a of await unannouncedAssignments()) {
    if (!(await claimAssignmentNotice(a.planId, a.taskId, a.userId))) continue;
    await queueMail([
      {
        to: a.email,
        kind: "task_assigned",
        mail: taskAssigned({
          planTitle: a.planTitle,
          taskName: a.taskName,
          url: appUrl(`/plans/${a.planId}#schedule`),
        }),
      },
    ]);
  }
}

/** Each person's tasks due tomorrow or overdue, once per UTC day, for those who want it. */
export async function queueDigests(now: Date, opts: { anyHour?: boolean } = {}) {
  if (!opts.anyHour && now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const today = isoDay(now);
  const rows = await digestCandidates(today, isoDay(new Date(now.getTime() + DAY)));
  const byPerson = new Map<string, { name: string; email: string; items: DigestItem[] }>();
  for (const r of rows) {
    const person = byPerson.get(r.userId) ?? { name: r.name, email: r.email, items: [] };
    person.items.push({ planTitle: r.planTitle, taskName: r.taskName, due: r.due!, overdue: r.due! < today });
    byPerson.set(r.userId, person);
  }
  let queued = 0;
  for (const [userId, p] of byPerson) {
    if (!(await claimDigestDay(userId, today))) continue;
    await queueMail([
      {
        to: p.email,
        kind: "daily_digest",
        mail: dailyDigest({
          name: p.name,
          items: p.items.slice(0, 50),
          url: appUrl("/workspaces"),
          settingsUrl: appUrl("/settings"),
        }),
      },
    ]);
    queued++;
  }
  return queued;
}

/** Tell a link's creator a day before it expires. */
export async function queueLinkExpiryMails(now: Date) {
  for (const l of await claimExpiringLinks(now, new Date(now.getTime() + LINK_NOTICE_MS))) {
    await queueMail([
      {
        to: l.email,
        kind: "share_link_expiring",
        mail: shareLinkExpiring({
          planTitle: l.planTitle,
          label: l.label,
          expiresAt: `${l.expiresAt!.toISOString().slice(0, 16).replace("T", " ")} UTC`,
          url: appUrl(`/plans/${l.planId}/share`),
        }),
      },
    ]);
  }
}
