/** Shared look of inline-edit controls: quiet until hovered or focused, red when refused. */
export const inputClass = (invalid: boolean) =>
  [
    "w-full rounded border px-1.5 py-1 text-sm bg-white",
    invalid
      ? "border-red-500 focus:outline-red-600"
      : "border-slate-200 hover:border-slate-300 focus:border-indigo-400",
  ].join(" ");
