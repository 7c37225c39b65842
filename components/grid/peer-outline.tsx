"use client";

import type { CSSProperties } from "react";
import type { CellPeer } from "./cell-presence";

/** A grid cell's attributes for the collaborators in it: their names (read by tests and tools) and the outline. */
export function peerCellProps(peers: readonly CellPeer[]): {
  "data-peers": string | undefined;
  style: CSSProperties | undefined;
} {
  return { "data-peers": peers.length ? peers.map((p) => p.name).join(", ") : undefined, style: peerStyle(peers) };
}

/** Cell styling for collaborators in it: an outline in the first one's colour. */
function peerStyle(peers: readonly CellPeer[]): CSSProperties | undefined {
  return peers.length ? { boxShadow: `inset 0 0 0 2px ${peers[0]!.color}` } : undefined;
}

/**
 * Names of the collaborators in a cell, shown when the cell is hovered. Drawn from an attribute
 * (CSS content) so the names are not part of the cell's text; the outline itself is visual only.
 */
export function PeerTag({ peers }: { peers: readonly CellPeer[] }) {
  if (!peers.length) return null;
  const names = peers.map((p) => p.name).join(", ");
  return (
    <span
      aria-hidden="true"
      data-names={names}
      style={{ background: peers[0]!.color }}
      className="pointer-events-none absolute -top-2.5 right-0 z-10 hidden max-w-[12rem] truncate rounded px-1 text-[10px] font-medium leading-4 text-white after:content-[attr(data-names)] group-hover:block"
    />
  );
}
