import { format } from "date-fns";

type Signoff = {
  id: string;
  name: string;
  decision: "approved" | "changes_requested";
  comment: string;
  createdAt: Date;
};

/** Every decision on the plan, newest first: who, when, what they said. */
export function SignoffHistory({ signoffs }: { signoffs: Signoff[] }) {
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="history-title" className="text-lg font-semibold">
        Sign-off history
      </h2>
      {signoffs.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No decisions yet.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3" aria-label="Sign-off history">
          {signoffs.map((s) => (
            <li key={s.id} className="text-sm">
              <p>
                <span className="font-medium">{s.name}</span>{" "}
                <span className={s.decision === "approved" ? "text-emerald-700" : "text-amber-800"}>
                  {s.decision === "approved" ? "approved" : "requested changes"}
                </span>{" "}
                <span className="text-slate-500">
                  · <time dateTime={s.createdAt.toISOString()}>{format(s.createdAt, "d MMM yyyy, HH:mm")}</time>
                </span>
              </p>
              {s.comment && (
                <p className="mt-1 whitespace-pre-line rounded-md bg-slate-50 px-3 py-2 text-slate-700">{s.comment}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
