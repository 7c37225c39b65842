import { describe, expect, it } from "vitest";
import { canChangeMember, canInviteAs, canOnPlan, canOnWorkspace, canWithLink, planRoleFor } from "./policy";

describe("plan policy", () => {
  it("maps workspace roles to plan roles", () => {
    expect(planRoleFor("owner", false)).toBe("manager");
    expect(planRoleFor("admin", false)).toBe("manager");
    expect(planRoleFor("member", true)).toBe("manager");
    expect(planRoleFor("member", false)).toBe("editor");
  });

  it("lets viewers read only", () => {
    expect(canOnPlan("viewer", "read")).toBe(true);
    for (const action of ["edit", "rename", "set-status", "archive", "delete"] as const) {
      expect(canOnPlan("viewer", action)).toBe(false);
    }
  });

  it("keeps archive and delete for managers", () => {
    expect(canOnPlan("editor", "edit")).toBe(true);
    expect(canOnPlan("editor", "archive")).toBe(false);
    expect(canOnPlan("editor", "delete")).toBe(false);
    expect(canOnPlan("manager", "delete")).toBe(true);
  });
});

describe("share link policy", () => {
  it("reads always, downloads and takes feedback only when allowed, and never writes", () => {
    expect(canWithLink({}, "read")).toBe(true);
    expect(canWithLink({}, "export")).toBe(false);
    expect(canWithLink({}, "leave-feedback")).toBe(false);
    expect(canWithLink({ allowDownloads: true }, "export")).toBe(true);
    expect(canWithLink({ allowFeedback: true }, "leave-feedback")).toBe(true);
    const all = { allowDownloads: true, allowFeedback: true };
    for (const action of ["edit", "rename", "set-status", "share", "archive", "delete", "duplicate"] as const)
      expect(canWithLink(all, action)).toBe(false);
  });
});

describe("workspace policy", () => {
  it("gives members no say over membership", () => {
    expect(canOnWorkspace("member", "read")).toBe(true);
    expect(canOnWorkspace("member", "invite")).toBe(false);
    expect(canOnWorkspace("member", "manage-members")).toBe(false);
    expect(canOnWorkspace("admin", "delete")).toBe(false);
    expect(canOnWorkspace("owner", "delete")).toBe(true);
  });

  it("keeps owners' standing in owners' hands", () => {
    expect(canChangeMember("admin", "member", "admin")).toBe(true);
    expect(canChangeMember("admin", "owner", "member")).toBe(false);
    expect(canChangeMember("admin", "member", "owner")).toBe(false);
    expect(canChangeMember("admin", "admin", null)).toBe(true);
    expect(canChangeMember("owner", "owner", "member")).toBe(true);
    expect(canChangeMember("member", "member", null)).toBe(false);
    expect(canInviteAs("admin", "owner")).toBe(false);
    expect(canInviteAs("owner", "owner")).toBe(true);
    expect(canInviteAs("member", "member")).toBe(false);
  });
});
