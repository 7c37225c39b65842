/**
 * Fractional ordering of rows: a moved row takes a position between its new neighbours, so moving
 * one row writes one number and two people reordering different rows at once both keep their moves.
 */

/** A position between two neighbours' orders (either may be missing at the ends of the list). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/**
 * The new order for moving the row at index `from` to index `to` of a list sorted by order, or null
 * when it does not move. `to` is the index the row should end up at.
 */
export function orderForMove(orders: readonly number[], from: number, to: number): number | null {
  if (from === to || from < 0 || from >= orders.length || to < 0 || to >= orders.length) return null;
  const rest = orders.filter((_, i) => i !== from);
  return orderBetween(rest[to - 1], rest[to]);
}

/** An order to write for one row, and any siblings renumbered to make room. */
export interface Placement {
  order: number;
  /** Siblings whose order must change too (only when the gap between two neighbours ran out). */
  respaced: { id: string; order: number }[];
}

/**
 * The order for a row placed at `index` among `siblings` (sorted by order, the row itself left out).
 * Halving a gap again and again runs out of floating-point precision after about fifty moves into
 * the same spot; then the siblings are renumbered 1, 2, 3 … around the new row.
 */
export function placeAt(siblings: readonly { id: string; order: number }[], index: number): Placement {
  const before = siblings[index - 1]?.order;
  const after = siblings[index]?.order;
  const order = orderBetween(before, after);
  const fits =
    Number.isFinite(order) &&
    (before === undefined || order > before) &&
    (after === undefined || order < after) &&
    (before === undefined || after === undefined || after - before > 1e-9 * Math.max(1, Math.abs(before)));
  if (fits) return { order, respaced: [] };
  const respaced = siblings
    .map((s, i) => ({ id: s.id, order: i < index ? i + 1 : i + 2 }))
    .filter((s, i) => s.order !== siblings[i]!.order);
  return { order: index + 1, respaced };
}
