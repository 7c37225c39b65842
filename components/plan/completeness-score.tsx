/** A plan's completeness score for lists: a small bar and the figure; an empty plan not yet scored shows 0%. */
export function CompletenessScore({ score }: { score: number | null }) {
  const pct = Math.max(0, Math.min(100, score ?? 0));
  const fill = pct >= 80 ? "bg-emerald-600" : pct >= 50 ? "bg-indigo-600" : "bg-amber-500";
  return (
    <span className="flex items-center gap-2" data-testid="plan-completeness">
      <span aria-hidden className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-200">
        <span className={`block h-full ${fill}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="tabular-nums text-slate-700">{pct}%</span>
    </span>
  );
}
