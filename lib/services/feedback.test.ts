import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { RateLimitedError } from "@/lib/security/rate-limit";
import { answerFeedback, getFeedback, getLinkFeedback, leaveFeedback, resolveFeedback } from "./feedback";
import { exportPlanMarkdown } from "./exports";
import { createPlan, updatePlan } from "./plans";
import { createShareLink, principalFromShareToken, setShareLinkOptions } from "./sharing";
import { signUp } from "./users";
import { createWorkspace } from "./workspaces";

useTestDatabase();

let n = 0;
async function user(who: string): Promise<UserPrincipal> {
  const u = await signUp({ name: who, email: `${who}${++n}@example.com`, password: "correct horse battery" });
  return { kind: "user", userId: u.id };
}

async function setup(options: { allowFeedback?: boolean; allowDownloads?: boolean } = {}) {
  const owner = await user("Owner");
  const ws = await createWorkspace(owner, { name: "Feedback" });
  const plan = await createPlan(owner, ws.id, { title: "Shared plan" });
  const link = await createShareLink(owner, plan.id, { label: "Board", ...options });
  return { owner, plan, link, token: link.path.split("/").pop()! };
}

const question = { section: "resources", kind: "question", name: "Rita Reader", body: "Who approves the budget?" };

describe("feedback through share links (real PostgreSQL)", () => {
  it("takes a reader's question on a link that allows it; members see, answer and resolve it", async () => {
    const { owner, plan, token } = await setup({ allowFeedback: true });
    await leaveFeedback(token, question, "203.0.113.1");
    const [item] = await getFeedback(owner, plan.id);
    expect(item).toMatchObject({ name: "Rita Reader", section: "resources", kind: "question", linkLabel: "Board" });
    await answerFeedback(owner, plan.id, item!.id, { reply: "The steering committee." });
    await resolveFeedback(owner, plan.id, item!.id, true);
    const [after] = await getFeedback(owner, plan.id);
    expect(after).toMatchObject({ reply: "The steering committee.", repliedByName: "Owner" });
    expect(after!.resolvedAt).toBeInstanceOf(Date);
  });

  it("refuses feedback on a link without the flag (403) and on a revoked or unknown token (404)", async () => {
    const { token } = await setup();
    await expect(leaveFeedback(token, question, "203.0.113.2")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(leaveFeedback("x".repeat(43), question, "203.0.113.2")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("wants a name of at most 80 characters and a body, and limits each link and address", async () => {
    const { token } = await setup({ allowFeedback: true });
    await expect(leaveFeedback(token, { ...question, name: " " }, "203.0.113.3")).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(leaveFeedback(token, { ...question, name: "x".repeat(81) }, "203.0.113.3")).rejects.toBeInstanceOf(
      ValidationError,
    );
    for (let i = 0; i < 10; i++) await leaveFeedback(token, question, "203.0.113.4");
    await expect(leaveFeedback(token, question, "203.0.113.4")).rejects.toBeInstanceOf(RateLimitedError);
    await leaveFeedback(token, question, "203.0.113.5");
  });

  it("never lets a link write the plan, and downloads only when allowed", async () => {
    const { owner, plan, link, token } = await setup({ allowFeedback: true });
    const reader = (await principalFromShareToken(token))!;
    await expect(updatePlan(reader, plan.id, { title: "pwned" })).rejects.toThrow();
    await expect(exportPlanMarkdown(reader, plan.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(answerFeedback(reader, plan.id, link.id, { reply: "x" })).rejects.toBeInstanceOf(UnauthorizedError);
    await setShareLinkOptions(owner, plan.id, link.id, { allowDownloads: "on" });
    const allowed = (await principalFromShareToken(token))!;
    expect(allowed).toMatchObject({ allowDownloads: true, allowFeedback: false });
    expect((await exportPlanMarkdown(allowed, plan.id)).markdown).toContain("Shared plan");
  });

  it("keeps one plan's feedback out of another's reach", async () => {
    const a = await setup({ allowFeedback: true });
    const b = await setup();
    await leaveFeedback(a.token, question, "203.0.113.6");
    const [item] = await getFeedback(a.owner, a.plan.id);
    await expect(answerFeedback(b.owner, b.plan.id, item!.id, { reply: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFeedback(b.owner, a.plan.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows a link's readers the items left through that link with the answers, and nothing else", async () => {
    const { owner, plan, token } = await setup({ allowFeedback: true });
    const other = await createShareLink(owner, plan.id, { label: "Suppliers", allowFeedback: true });
    const otherToken = other.path.split("/").pop()!;
    const elsewhere = await setup({ allowFeedback: true });
    await leaveFeedback(token, question, "203.0.113.7");
    await leaveFeedback(token, { ...question, kind: "comment", body: "Looks good." }, "203.0.113.7");
    await leaveFeedback(otherToken, { ...question, name: "Sam Supplier", body: "When do we deliver?" }, "203.0.113.8");
    await leaveFeedback(elsewhere.token, { ...question, body: "Another plan" }, "203.0.113.9");
    const items = await getFeedback(owner, plan.id);
    const asked = items.find((i) => i.body === question.body)!;
    const supplier = items.find((i) => i.name === "Sam Supplier")!;
    await answerFeedback(owner, plan.id, asked.id, { reply: "The steering committee." });
    await answerFeedback(owner, plan.id, supplier.id, { reply: "In May." });

    const board = await getLinkFeedback((await principalFromShareToken(token))!);
    expect(board.map((i) => i.body).sort()).toEqual(["Looks good.", "Who approves the budget?"]);
    const answered = board.find((i) => i.body === question.body)!;
    expect(answered).toMatchObject({ name: "Rita Reader", section: "resources", kind: "question" });
    expect(answered.reply).toBe("The steering committee.");
    expect(answered.repliedAt).toBeInstanceOf(Date);
    expect(board.find((i) => i.body === "Looks good.")!.reply).toBeNull();
    // Only the reader's words and the answer: not who answered, not the link's label.
    expect(Object.keys(answered).sort()).toEqual([
      "body",
      "createdAt",
      "id",
      "kind",
      "name",
      "repliedAt",
      "reply",
      "section",
    ]);

    const suppliers = await getLinkFeedback((await principalFromShareToken(otherToken))!);
    expect(suppliers.map((i) => [i.body, i.reply])).toEqual([["When do we deliver?", "In May."]]);
    const another = await getLinkFeedback((await principalFromShareToken(elsewhere.token))!);
    expect(another.map((i) => i.body)).toEqual(["Another plan"]);
  });
});
