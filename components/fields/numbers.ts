/**
 * Reading numbers people type: spaces and thousands separators are ignored ("12 000", "12,000"),
 * empty means "not set" where that is allowed. Pure, shared by the number field and its tests.
 */
export function parseNumber(
  text: string,
  nullable: boolean,
): { ok: true; value: number | null } | { ok: false; message: string } {
  const cleaned = text
    .trim()
    .replace(/[\s_]/g, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (cleaned === "") return nullable ? { ok: true, value: null } : { ok: false, message: "Enter a number." };
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return { ok: false, message: "Enter a number, like 1200 or 3.5." };
  return { ok: true, value: n };
}

/** A number for reading: grouped thousands, at most two decimals. */
export function formatNumber(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
