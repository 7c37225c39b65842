"use client";

import { useId, useState, useTransition } from "react";
import { addCommentAction, loadCommentsAction, setResolvedAction } from "@/app/(app)/plans/[id]/comment-actions";
import { useRows } from "@/components/collab/plan-data";
import { TimeAgo } from "@/components/ui/time-ago";
import type { PlanSectionId } from "@/lib/plan/template";
import { COMMENT_MAX, type CommentTargetType } from "@/lib/validation/comments";
import { CommentBody } from "./comment-body";
import { useComments, type PlanComment } from "./comments-context";
import { MentionTextarea, withMentionTokens } from "./mention-textarea";
import { Button } from "@/components/ui/button";

type Target = { type: CommentTargetType; id: string; name: string };

/** Rows a comment in each section can be about. */
const rowKinds: Partial<
  Record<PlanSectionId, { type: CommentTargetType; collection: "objectives" | "deliverables" | "tasks" | "risks" }>
> = {
  objectives: { type: "objective", collection: "objectives" },
  deliverables: { type: "deliverable", collection: "deliverables" },
  schedule: { type: "task", collection: "tasks" },
  risks: { type: "risk", collection: "risks" },
};

function useRowTargets(section: PlanSectionId): Target[] {
  const kind = rowKinds[section];
  const rows = useRows(kind?.collection ?? "objectives") as { id: string; name?: string; title?: string }[];
  if (!kind) return [];
  return rows.map((r) => ({ type: kind.type, id: r.id, name: (r.name ?? r.title ?? "").trim() || "Untitled" }));
}

/**
 * "Comments (n)" for a section (or, with `target`, for one row): opens the thread below, where
 * members comment, @mention and resolve. Renders nothing outside a CommentsProvider.
 */
export function SectionComments({ section, target }: { section: PlanSectionId; target?: Target }) {
  const ctx = useComments();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!ctx) return null;
  const mine = ctx.comments.filter(
    (c) => c.section === section && (!target || (c.targetType === target.type && c.targetId === target.id)),
  );
  const openCount = mine.filter((c) => !c.resolvedAt).length;
  const what = target ? `on ${target.name}` : "on this section";
  return (
    <div className="mt-2">
      <Button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Comments ${what} (${openCount} open)`}
        onClick={() => {
          setOpen((o) => !o);
          if (!open) void loadCommentsAction(ctx.planId).then((r) => r.data && ctx.update(r.data));
        }}
        variant="secondary"
        size="sm"
      >
        Comments ({openCount})
      </Button>
      {open && <Thread id={panelId} section={section} target={target} comments={mine} />}
    </div>
  );
}

function Thread({
  id,
  section,
  target,
  comments,
}: {
  id: string;
  section: PlanSectionId;
  target?: Target;
  comments: PlanComment[];
}) {
  const ctx = useComments()!;
  const targets = useRowTargets(section);
  const nameOf = (uid: string) => ctx.members.find((m) => m.id === uid)?.name;
  const targetName = (c: PlanComment) =>
    c.targetId ? (targets.find((t) => t.id === c.targetId)?.name ?? "a removed row") : null;
  const [showResolved, setShowResolved] = useState(false);
  const open = comments.filter((c) => !c.resolvedAt);
  const resolved = comments.filter((c) => c.resolvedAt);
  return (
    <div
      id={id}
      role="region"
      aria-label={`Comments ${target ? `on ${target.name}` : "on this section"}`}
      className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      {open.length === 0 && <p className="text-sm text-slate-500">No open comments{resolved.length ? "" : " yet"}.</p>}
      <ul className="flex flex-col gap-2">
        {open.map((c) => (
          <CommentItem key={c.id} comment={c} nameOf={nameOf} about={target ? null : targetName(c)} />
        ))}
      </ul>
      {resolved.length > 0 && (
        <div className="mt-2">
          <button
            type="button"
            className="text-xs font-medium text-slate-600 hover:underline"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((s) => !s)}
          >
            {showResolved ? "Hide" : "Show"} {resolved.length} resolved
          </button>
          {showResolved && (
            <ul className="mt-2 flex flex-col gap-2">
              {resolved.map((c) => (
                <CommentItem key={c.id} comment={c} nameOf={nameOf} about={target ? null : targetName(c)} />
              ))}
            </ul>
          )}
        </div>
      )}
      {ctx.canComment ? (
        <Composer section={section} target={target} targets={target ? [] : targets} />
      ) : (
        <p className="mt-2 text-xs text-slate-500">Sign in as a member of this workspace to comment.</p>
      )}
    </div>
  );
}

function CommentItem({
  comment: c,
  nameOf,
  about,
}: {
  comment: PlanComment;
  nameOf: (id: string) => string | undefined;
  about: string | null;
}) {
  const ctx = useComments()!;
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    start(async () => {
      const r = await setResolvedAction(c.id, !c.resolvedAt);
      if (r.data) ctx.update(r.data);
      setError(r.ok ? null : (r.message ?? "Could not change the comment."));
    });
  return (
    <li
      className="rounded-md border border-slate-200 bg-white p-2"
      aria-label={`Comment by ${c.authorName ?? "a former member"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>
          <span className="font-medium text-slate-700">{c.authorName ?? "A former member"}</span> ·{" "}
          <TimeAgo date={c.createdAt} />
          {about && <> · about {about}</>}
        </span>
        {ctx.canComment && (
          <Button type="button" onClick={toggle} disabled={pending} variant="ghost-accent" size="xs">
            {c.resolvedAt ? "Reopen" : "Resolve"}
          </Button>
        )}
      </div>
      <div className="mt-1">
        <CommentBody body={c.body} nameOf={nameOf} />
      </div>
      {c.resolvedAt && (
        <p className="mt-1 text-xs text-emerald-700">Resolved{c.resolvedByName ? ` by ${c.resolvedByName}` : ""}</p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}

function Composer({ section, target, targets }: { section: PlanSectionId; target?: Target; targets: Target[] }) {
  const ctx = useComments()!;
  const [body, setBody] = useState("");
  const [about, setAbout] = useState("");
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errorId = useId();
  const chosen = target ?? targets.find((t) => t.id === about);
  const submit = () =>
    start(async () => {
      if (!body.trim()) {
        setError("Write something before posting.");
        return;
      }
      const r = await addCommentAction(ctx.planId, {
        section,
        targetType: chosen?.type ?? null,
        targetId: chosen?.id ?? null,
        body: withMentionTokens(body, picked),
      });
      if (r.data) ctx.update(r.data);
      if (r.ok) {
        setBody("");
        setPicked([]);
        setError(null);
      } else setError(r.message ?? "The comment was not posted.");
    });
  return (
    <form
      className="mt-3 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <MentionTextarea
        label="New comment"
        value={body}
        onChange={setBody}
        members={ctx.members}
        onPick={(p) => setPicked((ps) => (ps.some((x) => x.id === p.id) ? ps : [...ps, p]))}
        maxLength={COMMENT_MAX}
        invalid={Boolean(error)}
        describedBy={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {targets.length > 0 && (
          <label className="flex items-center gap-1 text-xs text-slate-600">
            About
            <select
              value={about}
              onChange={(e) => setAbout(e.target.value)}
              className="max-w-48 rounded border border-slate-300 bg-white px-1 py-1 text-xs"
            >
              <option value="">The whole section</option>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <Button type="submit" disabled={pending} variant="primary" className="ml-auto">
          {pending ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}
