export type Segment = { label: string; value: number; color: string };

/** Shares of a whole for the donut and stacked bar: each segment's start and size as fractions of 1. */
export function segmentShares(segments: readonly Segment[]): { segment: Segment; start: number; share: number }[] {
  const total = segments.reduce((s, x) => s + Math.max(0, x.value), 0);
  let at = 0;
  return segments.map((segment) => {
    const share = total > 0 ? Math.max(0, segment.value) / total : 0;
    const out = { segment, start: at, share };
    at += share;
    return out;
  });
}

/** "3 hit, 1 missed, 2 upcoming" — the words a chart stands for. */
export const describeSegments = (segments: readonly Segment[]) =>
  segments.map((s) => `${s.value} ${s.label.toLowerCase()}`).join(", ");
