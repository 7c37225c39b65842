import { describeSegments, segmentShares, type Segment } from "./segments";

/** One bar split into parts (e.g. milestones hit / missed / upcoming), with a legend. */
export function StackedBar({ segments, label }: { segments: readonly Segment[]; label: string }) {
  const parts = segmentShares(segments);
  return (
    <div>
      <svg
        role="img"
        aria-label={`${label}: ${describeSegments(segments)}`}
        viewBox="0 0 100 6"
        preserveAspectRatio="none"
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        {parts.map(
          ({ segment, start, share }) =>
            share > 0 && (
              <rect key={segment.label} x={start * 100} y={0} width={share * 100} height={6} fill={segment.color} />
            ),
        )}
      </svg>
      <Legend segments={segments} />
    </div>
  );
}

export function Legend({ segments }: { segments: readonly Segment[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600" aria-hidden>
      {segments.map((s) => (
        <li key={s.label} className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
          {s.label} {s.value}
        </li>
      ))}
    </ul>
  );
}
