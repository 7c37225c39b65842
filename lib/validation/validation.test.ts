import { describe, expect, it } from "vitest";
import { ValidationError, parseInput } from "@/lib/errors";
import { signUpInput } from "./auth";
import { createPlanInput, updatePlanInput } from "./plan";
import { inviteInput } from "./workspace";

const fieldErrors = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (err) {
    if (err instanceof ValidationError) return err.fieldErrors;
    throw err;
  }
  return undefined;
};

describe("sign-up input", () => {
  it("normalises email and trims the name", () => {
    expect(parseInput(signUpInput, { name: "  Ada ", email: " Ada@Example.COM ", password: "0123456789" })).toEqual({
      name: "Ada",
      email: "ada@example.com",
      password: "0123456789",
    });
  });

  it("explains a malformed email, a short password and a missing name", () => {
    expect(fieldErrors(signUpInput, { name: "", email: "not-an-email", password: "short" })).toEqual({
      name: ["Name cannot be empty."],
      email: ["Enter a valid email address, like name@example.com."],
      password: ["Password must be at least 10 characters."],
    });
  });

  it("treats missing fields as required, not as a crash", () => {
    expect(fieldErrors(signUpInput, {})).toMatchObject({
      name: ["Name is required."],
      email: ["Email is required."],
      password: ["Password is required."],
    });
    expect(fieldErrors(signUpInput, null)).toBeDefined();
  });
});

describe("plan input", () => {
  it("bounds titles", () => {
    expect(fieldErrors(createPlanInput, { title: "   " })).toEqual({ title: ["Title cannot be empty."] });
    expect(fieldErrors(createPlanInput, { title: "x".repeat(121) })).toEqual({
      title: ["Title must be at most 120 characters."],
    });
    expect(parseInput(createPlanInput, { title: "x".repeat(120) }).summary).toBe("");
  });

  it("refuses unknown fields and statuses in updates", () => {
    expect(fieldErrors(updatePlanInput, { owner: "me" })).toBeDefined();
    expect(fieldErrors(updatePlanInput, { status: "finished" })?.status?.[0]).toMatch(/draft, in_review/);
    expect(parseInput(updatePlanInput, { archived: true })).toEqual({ archived: true });
  });
});

describe("invite input", () => {
  it("defaults the role to member and refuses unknown roles", () => {
    expect(parseInput(inviteInput, { email: "a@b.co" })).toEqual({ email: "a@b.co", role: "member" });
    expect(fieldErrors(inviteInput, { email: "a@b.co", role: "god" })).toEqual({
      role: ["Role must be owner, admin or member."],
    });
  });
});
