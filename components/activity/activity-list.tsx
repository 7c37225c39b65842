import { TimeAgo } from "@/components/ui/time-ago";
import { sectionList } from "@/components/review/section-labels";

type Entry = { userId: string | null; name: string; sections: string[]; edits: number; at: Date };

/** "Dana changed Schedule and Risks · 5 min ago", newest first. */
export function ActivityList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) {
    return (
      <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        No changes recorded yet. Edits made in the plan appear here within a few seconds.
      </p>
    );
  }
  return (
    <ol className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Activity">
      {entries.map((e) => (
        <li
          key={`${e.userId}-${e.at.getTime()}`}
          className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm"
        >
          <span>
            <span className="font-medium">{e.name}</span> changed {sectionList(e.sections)}
          </span>
          <span className="text-slate-500">
            {e.edits === 1 ? "1 edit" : `${e.edits} edits`} · <TimeAgo date={e.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
