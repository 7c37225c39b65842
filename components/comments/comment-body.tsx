import { parseBody } from "@/lib/validation/comments";

/** A comment's text with mentions shown as the member's current name; plain text, never HTML. */
export function CommentBody({ body, nameOf }: { body: string; nameOf: (id: string) => string | undefined }) {
  return (
    <p className="text-sm whitespace-pre-wrap break-words text-slate-800">
      {parseBody(body).map((p, i) =>
        p.kind === "text" ? (
          <span key={i}>{p.text}</span>
        ) : (
          <span key={i} className="rounded bg-indigo-50 px-0.5 font-medium text-indigo-700">
            @{nameOf(p.userId) ?? p.label}
          </span>
        ),
      )}
    </p>
  );
}
