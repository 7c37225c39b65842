/**
 * Who changed which sections of a plan, read off the document's own transactions: after a user's
 * update is applied (so after it was stored and broadcast), the top-level types it touched are
 * mapped to template sections and counted in memory per plan, person and minute. A timer writes the
 * counts in batches; nothing here runs before an update is persisted or makes anyone wait.
 */
import type * as Y from "yjs";
import { recordActivity, type ActivityBucket } from "@/db/queries/activity";
import { rootSections } from "@/lib/doc/layout";
import { Connection } from "./connection";

/** Top-level document types → the template section (or "settings") they belong to. */
export const SECTION_OF_ROOT: Record<string, string> = rootSections();

/** Names of the top-level types a transaction changed, mapped to sections. */
export function sectionsChanged(tr: Y.Transaction): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type
  type AnyType = Y.AbstractType<any>;
  const rootNames = new Map<AnyType, string>();
  tr.doc.share.forEach((type, name) => rootNames.set(type, name));
  const out = new Set<string>();
  for (const [type, keys] of tr.changed) {
    // Stamping the schema version on a document's first write is bookkeeping, not a settings change.
    if (!type._item && rootNames.get(type) === "meta" && [...keys].every((k) => k === "schemaVersion")) continue;
    let t: AnyType = type;
    // Walk up from a nested row or field to the root type it lives in.
    while (t._item) t = t._item.parent as AnyType;
    const name = rootNames.get(t);
    if (name) out.add(SECTION_OF_ROOT[name] ?? "other");
  }
  return out;
}

const MINUTE = 60_000;

export class ActivityRecorder {
  private pending = new Map<string, ActivityBucket>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private flushMs = 2000) {}

  /** Note a transaction applied to `planId`'s document; only user connections count. */
  observe(planId: string, tr: Y.Transaction) {
    const conn = tr.origin;
    if (!(conn instanceof Connection) || !conn.identity.userId) return;
    const sections = sectionsChanged(tr);
    if (sections.size === 0) return;
    const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
    const key = `${planId}|${conn.identity.userId}|${minute}`;
    const bucket = this.pending.get(key);
    if (bucket) {
      for (const s of sections) if (!bucket.sections.includes(s)) bucket.sections.push(s);
      bucket.edits++;
    } else {
      this.pending.set(key, {
        planId,
        userId: conn.identity.userId,
        at: new Date(minute),
        sections: [...sections],
        edits: 1,
      });
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushMs);
      this.timer.unref?.();
    }
  }

  /** Write what was counted so far (one statement per bucket, merged into that minute's row). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const buckets = [...this.pending.values()];
    this.pending.clear();
    this.writing = this.writing.then(async () => {
      if (buckets.length === 0) return;
      try {
        await recordActivity(buckets);
      } catch (err) {
        // Activity is derived from the log; losing a batch never loses content.
        console.error(`[collab] could not record activity:`, err instanceof Error ? err.message : err);
      }
    });
    return this.writing;
  }

  async close() {
    await this.flush();
  }
}
