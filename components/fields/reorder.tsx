"use client";

import { useState, type DragEvent } from "react";
import { orderForMove } from "@/lib/plan/order";
import { Button } from "@/components/ui/button";

/**
 * Reordering a list of rows by drag and drop and by keyboard (move up / move down buttons). A move
 * writes only the moved row's fractional `order`.
 */
export function useReorder<R extends { id: string; order: number }>(
  rows: readonly R[],
  move: (id: string, order: number) => void,
) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const orders = rows.map((r) => r.order);
  const moveTo = (id: string, to: number) => {
    const from = rows.findIndex((r) => r.id === id);
    const order = orderForMove(orders, from, to);
    if (order !== null) move(id, order);
  };
  return {
    moveTo,
    /** Props for a row that can be dropped on (and dragged by its handle). */
    rowProps: (id: string) => ({
      // Both must be cancelled for the row to accept the drop.
      onDragEnter: (e: DragEvent) => {
        if (dragging) e.preventDefault();
      },
      onDragOver: (e: DragEvent) => {
        if (!dragging) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        if (over !== id) setOver(id);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        if (dragging)
          moveTo(
            dragging,
            rows.findIndex((r) => r.id === id),
          );
        setDragging(null);
        setOver(null);
      },
      "data-drop-target": over === id && dragging !== id ? "" : undefined,
    }),
    handleProps: (id: string) => ({
      draggable: true,
      onDragStart: (e: DragEvent) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", id);
        // Show the whole row under the pointer, not just the small handle.
        const row = (e.currentTarget as HTMLElement).closest("li, tr");
        if (row) e.dataTransfer.setDragImage(row, 16, 16);
        setDragging(id);
      },
      onDragEnd: () => {
        setDragging(null);
        setOver(null);
      },
    }),
  };
}

/** Move up / move down buttons: the keyboard way to reorder (kept focusable at the ends so focus follows the row). */
export function MoveButtons({
  name,
  index,
  count,
  onMove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
}) {
  return (
    <span className="inline-flex">
      <Button
        variant="ghost"
        size="xs"
        aria-label={`Move ${name} up`}
        aria-disabled={index === 0}
        onClick={() => index > 0 && onMove(index - 1)}
      >
        ↑
      </Button>
      <Button
        variant="ghost"
        size="xs"
        aria-label={`Move ${name} down`}
        aria-disabled={index === count - 1}
        onClick={() => index < count - 1 && onMove(index + 1)}
      >
        ↓
      </Button>
    </span>
  );
}
