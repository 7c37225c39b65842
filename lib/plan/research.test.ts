import { describe, expect, it } from "vitest";
import { linkTargets, resolveLinks } from "./research";

describe("research links", () => {
  it("resolves ids to the rows they name and leaves out the ones whose row is gone", () => {
    const targets = linkTargets({
      objectives: [{ id: "o1", title: "Faster support" }],
      scopeItems: [{ id: "s1", text: "Email support" }],
      risks: [{ id: "r1", title: " " }],
      tasks: [{ id: "t1", name: "Build" }],
    });
    expect(resolveLinks(["t1", "gone", "o1", "s1", "r1"], targets)).toEqual([
      { id: "t1", kind: "task", label: "Build" },
      { id: "o1", kind: "objective", label: "Faster support" },
      { id: "s1", kind: "scope", label: "Email support" },
      { id: "r1", kind: "risk", label: "Untitled" },
    ]);
  });
});
