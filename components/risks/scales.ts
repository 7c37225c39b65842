/** Words for the 1–5 scales, so a choice reads as more than a number. */
export const likelihoodWords = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"] as const;
export const impactWords = ["Negligible", "Minor", "Moderate", "Major", "Severe"] as const;

export const scaleWord = (which: "likelihood" | "impact", n: number) =>
  (which === "likelihood" ? likelihoodWords : impactWords)[n - 1] ?? "";

/** Band colours (classes) by band id: green, yellow, orange, red. */
export const bandClasses: Record<string, string> = {
  low: "bg-emerald-100 text-emerald-900 border-emerald-300",
  medium: "bg-amber-100 text-amber-900 border-amber-300",
  high: "bg-orange-200 text-orange-950 border-orange-400",
  critical: "bg-red-200 text-red-950 border-red-400",
};
export const noBandClass = "bg-slate-100 text-slate-700 border-slate-300";
