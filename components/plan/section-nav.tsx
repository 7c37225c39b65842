import { planSections } from "@/lib/plan/template";

/** Table of contents for a plan page: one link per section, in reading order. */
export function SectionNav() {
  return (
    <nav aria-label="Plan sections" className="lg:sticky lg:top-6">
      <ol className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
        {planSections.map((s, i) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className="block rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-white hover:text-indigo-700"
            >
              <span className="mr-2 text-slate-500">{i + 1}.</span>
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
