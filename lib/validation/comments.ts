/**
 * Comments and announcements: input schemas and the mention token. A mention is stored in the body
 * as `@[Label](user-id)` so it survives renames (it is shown with the member's current name) and
 * can be told apart from an "@" typed in prose. Shared by the server and the browser.
 */
import { z } from "zod";
import { planSections } from "@/lib/plan/template";
import { uuid } from "./common";

export const COMMENT_MAX = 4000;
export const ANNOUNCEMENT_MAX = 4000;
export const commentTargetTypes = ["task", "deliverable", "risk", "objective"] as const;
export type CommentTargetType = (typeof commentTargetTypes)[number];

const sectionIds = planSections.map((s) => s.id) as [string, ...string[]];

const body = (what: string, max: number) =>
  z
    .string({ message: `${what} is required.` })
    .trim()
    .min(1, `Write something before posting.`)
    .max(max, `${what} must be at most ${max.toLocaleString("en-US")} characters.`);

export const commentInput = z
  .object({
    section: z.enum(sectionIds, { message: "Choose a section of the plan." }),
    targetType: z
      .enum(commentTargetTypes, { message: "A comment can be about a task, deliverable, risk or objective." })
      .nullish(),
    targetId: uuid.nullish(),
    body: body("A comment", COMMENT_MAX),
  })
  .refine((v) => !v.targetType === !v.targetId, {
    message: "Name both the kind of row and the row.",
    path: ["targetId"],
  });

export const announcementInput = z.object({ body: body("An announcement", ANNOUNCEMENT_MAX) });

const MENTION = /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export const mentionToken = (name: string, userId: string) =>
  `@[${name.replace(/[[\]\n]/g, " ").slice(0, 100)}](${userId})`;

export type BodyPart = { kind: "text"; text: string } | { kind: "mention"; userId: string; label: string };

/** A body split into text and mentions, for rendering (as text, never HTML). */
export function parseBody(text: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    if (m.index > last) parts.push({ kind: "text", text: text.slice(last, m.index) });
    parts.push({ kind: "mention", label: m[1]!, userId: m[2]!.toLowerCase() });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/**
 * Keep mentions of allowed people; anyone else's token becomes plain "@Label" text, so nobody outside
 * the workspace is ever mentioned. Returns the cleaned body and the distinct ids mentioned.
 */
export function keepMentions(text: string, allowed: ReadonlySet<string>): { body: string; mentioned: string[] } {
  const mentioned = new Set<string>();
  const body = parseBody(text)
    .map((p) => {
      if (p.kind === "text") return p.text;
      if (!allowed.has(p.userId)) return `@${p.label}`;
      mentioned.add(p.userId);
      return mentionToken(p.label, p.userId);
    })
    .join("");
  return { body, mentioned: [...mentioned] };
}

/** The body as plain text with mentions as "@Name" (inbox excerpts, exports). */
export function plainBody(text: string, nameOf: (userId: string) => string | undefined = () => undefined): string {
  return parseBody(text)
    .map((p) => (p.kind === "text" ? p.text : `@${nameOf(p.userId) ?? p.label}`))
    .join("");
}
