import { describe, expect, it } from "vitest";
import { moveCell } from "./grid-nav";

describe("moveCell", () => {
  const at = { row: 1, col: 1 };
  it("moves one cell with the arrows and stops at the edges", () => {
    expect(moveCell(at, { key: "ArrowUp" }, 3, 3)).toEqual({ row: 0, col: 1 });
    expect(moveCell(at, { key: "ArrowDown" }, 3, 3)).toEqual({ row: 2, col: 1 });
    expect(moveCell(at, { key: "ArrowLeft" }, 3, 3)).toEqual({ row: 1, col: 0 });
    expect(moveCell(at, { key: "ArrowRight" }, 3, 3)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 0, col: 0 }, { key: "ArrowUp" }, 3, 3)).toBeNull();
    expect(moveCell({ row: 2, col: 2 }, { key: "ArrowRight" }, 3, 3)).toBeNull();
  });

  it("goes to the row's ends with Home/End and to the corners with Ctrl", () => {
    expect(moveCell(at, { key: "Home" }, 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveCell(at, { key: "End" }, 3, 4)).toEqual({ row: 1, col: 3 });
    expect(moveCell(at, { key: "Home", ctrlKey: true }, 3, 4)).toEqual({ row: 0, col: 0 });
    expect(moveCell(at, { key: "End", metaKey: true }, 3, 4)).toEqual({ row: 2, col: 3 });
  });

  it("walks with Tab and Shift+Tab, wrapping rows, and lets go at either end", () => {
    expect(moveCell({ row: 0, col: 2 }, { key: "Tab" }, 2, 3)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 1, col: 0 }, { key: "Tab", shiftKey: true }, 2, 3)).toEqual({ row: 0, col: 2 });
    expect(moveCell({ row: 1, col: 2 }, { key: "Tab" }, 2, 3)).toBeNull();
    expect(moveCell({ row: 0, col: 0 }, { key: "Tab", shiftKey: true }, 2, 3)).toBeNull();
  });

  it("ignores other keys and empty grids", () => {
    expect(moveCell(at, { key: "a" }, 3, 3)).toBeNull();
    expect(moveCell({ row: 0, col: 0 }, { key: "ArrowDown" }, 0, 3)).toBeNull();
  });
});
