"use client";

/**
 * Which grid cell each collaborator is in: published through awareness as
 * `cell: { grid, row, col }` (row and column ids, so it survives sorting and filtering) and read
 * back from everyone else's state. Shared by the risk register and the RACI grid.
 */
import { useCallback, useMemo } from "react";
import { useCollabClient } from "@/components/collab/collab-provider";
import { isShortText, useOthers, type Other } from "@/components/collab/presence";

export type CellPeer = { clientId: number; name: string; color: string };
type Grid = "risks" | "raci";
type Snapshot = Map<string, CellPeer[]>;

const empty: Snapshot = new Map();
const noPeers: readonly CellPeer[] = [];
const cellKey = (row: string, col: string) => `${row}\u0000${col}`;

/** Whether two cells hold the same people, in the same order. */
export const samePeerList = (a: readonly CellPeer[], b: readonly CellPeer[]) =>
  a === b ||
  (a.length === b.length &&
    a.every((p, i) => p.clientId === b[i]!.clientId && p.name === b[i]!.name && p.color === b[i]!.color));

/** Whether two rows' cells (as `peersInRow` gives them) hold the same people. */
export const samePeerRows = (a: readonly (readonly CellPeer[])[], b: readonly (readonly CellPeer[])[]) =>
  a === b || (a.length === b.length && a.every((peers, i) => samePeerList(peers, b[i]!)));

// Rows nobody is in, by column count: the same array every time, so memoized rows compare at once.
const nobodyRows = new Map<number, readonly (readonly CellPeer[])[]>();
const nobodyRow = (columns: number) => {
  let row = nobodyRows.get(columns);
  if (!row) nobodyRows.set(columns, (row = Array.from({ length: columns }, () => noPeers)));
  return row;
};

/** Whether two snapshots put the same people in the same cells. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  if (a.size !== b.size) return false;
  for (const [key, peers] of a) {
    const other = b.get(key);
    if (!other || !samePeerList(peers, other)) return false;
  }
  return true;
}

function readPeers(others: readonly Other[], grid: Grid): Snapshot {
  const out: Snapshot = new Map();
  for (const { clientId, state, user } of others) {
    const cell = state.cell as { grid?: unknown; row?: unknown; col?: unknown } | null | undefined;
    if (!user || !cell || cell.grid !== grid || !isShortText(cell.row) || !isShortText(cell.col)) continue;
    const key = cellKey(cell.row, cell.col);
    out.set(key, [...(out.get(key) ?? []), { clientId, name: user.name, color: user.color }]);
  }
  return out;
}

export function useCellPresence(grid: Grid) {
  const client = useCollabClient();
  const awareness = client?.provider.awareness ?? null;
  const peers = useOthers(`cell:${grid}`, (others) => readPeers(others, grid), sameSnapshot, empty);

  // The rows anyone is in: a large grid looks up the cells of these only.
  const peerRows = useMemo(() => new Set([...peers.keys()].map((key) => key.slice(0, key.indexOf("\u0000")))), [peers]);
  /** Who is in each of a row's cells, column by column; one shared array for a row nobody is in. */
  const peersInRow = useCallback(
    (row: string, columnIds: readonly string[]) =>
      peerRows.has(row) ? columnIds.map((col) => peers.get(cellKey(row, col)) ?? noPeers) : nobodyRow(columnIds.length),
    [peers, peerRows],
  );

  /** Tell the others which cell this person is in (null: left the grid). */
  const publish = useCallback(
    (cell: { row: string; col: string } | null) => {
      if (!awareness) return;
      const current = awareness.getLocalState()?.cell as
        { grid?: string; row?: string; col?: string } | null | undefined;
      if (cell === null) {
        if (current?.grid === grid) awareness.setLocalStateField("cell", null);
        return;
      }
      if (current?.grid === grid && current.row === cell.row && current.col === cell.col) return;
      awareness.setLocalStateField("cell", { grid, row: cell.row, col: cell.col });
    },
    [awareness, grid],
  );

  return { peersInRow, publish };
}
