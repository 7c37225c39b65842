import { describe, expect, it } from "vitest";
import { formatNumber, parseNumber } from "./numbers";

describe("parseNumber", () => {
  it("reads plain, grouped and negative numbers", () => {
    expect(parseNumber("1200", false)).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(" 12 000 ", false)).toEqual({ ok: true, value: 12000 });
    expect(parseNumber("12,000.5", false)).toEqual({ ok: true, value: 12000.5 });
    expect(parseNumber("-5", false)).toEqual({ ok: true, value: -5 });
    expect(parseNumber("3.5", false)).toEqual({ ok: true, value: 3.5 });
  });

  it("treats empty as not set only where allowed and refuses words", () => {
    expect(parseNumber("", true)).toEqual({ ok: true, value: null });
    expect(parseNumber("", false).ok).toBe(false);
    expect(parseNumber("abc", true).ok).toBe(false);
  });
});

describe("formatNumber", () => {
  it("groups thousands and keeps two decimals at most", () => {
    expect(formatNumber(110000)).toBe("110,000");
    expect(formatNumber(3.14159)).toBe("3.14");
  });
});
