import { describeSegments, segmentShares, type Segment } from "./segments";
import { Legend } from "./stacked-bar";

const R = 15.915; // circumference 100, so dash lengths are percentages

/** A ring split into parts, with a number in the middle. */
export function Donut({ segments, label, center }: { segments: readonly Segment[]; label: string; center?: string }) {
  const parts = segmentShares(segments);
  return (
    <div className="flex items-center gap-3">
      <svg
        role="img"
        aria-label={`${label}: ${describeSegments(segments)}`}
        viewBox="0 0 42 42"
        className="h-20 w-20 shrink-0"
      >
        <circle cx={21} cy={21} r={R} fill="none" stroke="#e2e8f0" strokeWidth={6} />
        {parts.map(
          ({ segment, start, share }) =>
            share > 0 && (
              <circle
                key={segment.label}
                cx={21}
                cy={21}
                r={R}
                fill="none"
                stroke={segment.color}
                strokeWidth={6}
                strokeDasharray={`${share * 100} ${100 - share * 100}`}
                strokeDashoffset={25 - start * 100}
              />
            ),
        )}
        {center && (
          <text x={21} y={23.5} textAnchor="middle" fontSize={8} fontWeight={600} fill="#0f172a">
            {center}
          </text>
        )}
      </svg>
      <Legend segments={segments} />
    </div>
  );
}
