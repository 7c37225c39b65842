/** A horizontal bar for a 0–100 value, with its accessible name and value. */
export function ProgressBar({
  value,
  label,
  tone = "indigo",
  className = "",
}: {
  value: number;
  label: string;
  tone?: "indigo" | "emerald" | "amber" | "red";
  className?: string;
}) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  const fill = { indigo: "bg-indigo-600", emerald: "bg-emerald-600", amber: "bg-amber-500", red: "bg-red-600" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={`${pct}%`}
      className={`h-2 w-full overflow-hidden rounded-full bg-slate-200 ${className}`}
    >
      <div className={`h-full rounded-full ${fill}`} style={{ width: `${pct}%` }} />
    </div>
  );
}
