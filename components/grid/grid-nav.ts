/**
 * Spreadsheet-style keyboard movement over a grid of cells, shared by the risk register and the
 * RACI grid: arrows move one cell, Home/End go to the row's ends (with Ctrl: the grid's corners),
 * Tab and Shift+Tab walk cell by cell and wrap to the next or previous row.
 */
export interface CellPos {
  row: number;
  col: number;
}

export interface NavKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Where the key moves to, or null when it is not a movement key or would leave the grid. */
export function moveCell(pos: CellPos, e: NavKey, rows: number, cols: number): CellPos | null {
  if (rows <= 0 || cols <= 0) return null;
  const clamp = (p: CellPos): CellPos => ({
    row: Math.min(Math.max(p.row, 0), rows - 1),
    col: Math.min(Math.max(p.col, 0), cols - 1),
  });
  const corner = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case "ArrowUp":
      return pos.row > 0 ? { row: pos.row - 1, col: pos.col } : null;
    case "ArrowDown":
      return pos.row < rows - 1 ? { row: pos.row + 1, col: pos.col } : null;
    case "ArrowLeft":
      return pos.col > 0 ? { row: pos.row, col: pos.col - 1 } : null;
    case "ArrowRight":
      return pos.col < cols - 1 ? { row: pos.row, col: pos.col + 1 } : null;
    case "Home":
      return clamp(corner ? { row: 0, col: 0 } : { row: pos.row, col: 0 });
    case "End":
      return clamp(corner ? { row: rows - 1, col: cols - 1 } : { row: pos.row, col: cols - 1 });
    case "Tab": {
      const i = pos.row * cols + pos.col + (e.shiftKey ? -1 : 1);
      if (i < 0 || i >= rows * cols) return null;
      return { row: Math.floor(i / cols), col: i % cols };
    }
    default:
      return null;
  }
}
