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
