export type BarDatum = { label: string; values: number[] };
export type BarSeries = { name: string; color: string };

/**
 * Horizontal grouped bars (e.g. planned vs actual per category), drawn as SVG with no library.
 * The chart is one image for assistive technology; its numbers are in `summary` and in the table
 * the section shows next to it.
 */
export function BarChart({
  data,
  series,
  summary,
  format = String,
}: {
  data: readonly BarDatum[];
  series: readonly BarSeries[];
  summary: string;
  format?: (n: number) => string;
}) {
  const max = Math.max(1, ...data.flatMap((d) => d.values));
  const barH = 10;
  const gap = 4;
  const rowH = series.length * (barH + 2) + gap + 14;
  const width = 320;
  const labelW = 0;
  const height = data.length * rowH;
  return (
    <figure className="w-full">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        className="w-full"
        preserveAspectRatio="xMinYMin meet"
      >
        {data.map((d, i) => {
          const y = i * rowH;
          return (
            <g key={d.label} transform={`translate(0 ${y})`}>
              <text x={0} y={10} fontSize={10} fill="#334155">
                {d.label}
              </text>
              {d.values.map((v, s) => {
                const w = Math.max(v > 0 ? 1 : 0, ((width - labelW - 70) * v) / max);
                const by = 14 + s * (barH + 2);
                return (
                  <g key={s}>
                    <rect x={labelW} y={by} width={w} height={barH} rx={2} fill={series[s]?.color ?? "#64748b"} />
                    <text x={labelW + w + 4} y={by + barH - 1} fontSize={9} fill="#475569">
                      {format(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex gap-3 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.name} className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
