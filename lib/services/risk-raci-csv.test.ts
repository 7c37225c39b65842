import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestDatabase } from "@/db/testing";
import type { UserPrincipal } from "@/lib/access";
import { projectPlan } from "@/lib/collab/projection";
import { emptyDocContent, insertRow, randomUUID, setRaciCell, writeDocContent } from "@/lib/doc";
import { NotFoundError } from "@/lib/errors";
import { createPlan } from "./plans";
import { exportPlanCsv, sharePrincipalFor } from "./risk-raci-csv";
import { createShareLink, revokeShareLink } from "./sharing";
import { signUp } from "./users";
import { createWorkspace } from "./workspaces";

useTestDatabase();

const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe("CSV export of the risk register and the RACI grid", () => {
  it("serves readers and read-only links from the projection, and no one else", async () => {
    const u = await signUp({ name: "Dana Field", email: "dana@example.com", password: "correct horse battery" });
    const owner: UserPrincipal = { kind: "user", userId: u.id };
    const ws = await createWorkspace(owner, { name: "W" });
    const plan = await createPlan(owner, ws.id, { title: "Portal: launch!" });

    const doc = new Y.Doc();
    writeDocContent(doc, emptyDocContent());
    const task = randomUUID();
    const col = randomUUID();
    insertRow(doc, "tasks", {
      id: task,
      name: "Build",
      start: null,
      end: null,
      progress: 0,
      kind: "task",
      parentId: null,
      deliverableId: null,
      assigneeId: null,
      priority: "medium",
      order: 1,
    });
    insertRow(doc, "raciColumns", { id: col, kind: "member", userId: u.id, name: "", order: 1 });
    setRaciCell(doc, task, col, "A");
    insertRow(doc, "risks", {
      id: randomUUID(),
      title: "ERP late",
      description: "",
      category: "Schedule",
      ownerId: u.id,
      likelihood: 4,
      impact: 5,
      trigger: "",
      mitigation: "",
      contingency: "Read-only launch",
      status: "open",
      linkedTaskIds: [task],
      reviewDate: null,
    });
    await projectPlan(plan.id, doc);

    const risks = await exportPlanCsv(owner, plan.id, "risks");
    expect(risks.filename).toBe("portal-launch-risks.csv");
    const rows = parse(risks.body);
    expect(rows[1]!.slice(0, 8)).toEqual(["ERP late", "Schedule", "Dana Field", "4", "5", "20", "Critical", "Open"]);
    expect(rows[1]).toContain("Build");
    expect(rows[1]).toContain("Read-only launch");

    const raci = await exportPlanCsv(owner, plan.id, "raci");
    expect(parse(raci.body)).toEqual([
      ["Kind", "Name", "Dana Field", "Problems"],
      ["Task", "Build", "A", "No one is Responsible: at least one must be."],
    ]);

    const link = await createShareLink(owner, plan.id, { label: "Board" });
    const guest = await sharePrincipalFor(link.token);
    expect((await exportPlanCsv(guest, plan.id, "raci")).body).toBe(raci.body);

    const stranger = await signUp({ name: "Eve", email: "eve@example.com", password: "correct horse battery" });
    await expect(exportPlanCsv({ kind: "user", userId: stranger.id }, plan.id, "risks")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const otherPlan = await createPlan(owner, ws.id, { title: "Other" });
    await expect(exportPlanCsv(guest, otherPlan.id, "risks")).rejects.toBeInstanceOf(NotFoundError);
    await revokeShareLink(owner, plan.id, link.id);
    await expect(sharePrincipalFor(link.token)).rejects.toBeInstanceOf(NotFoundError);
    await expect(sharePrincipalFor("not-a-token")).rejects.toBeInstanceOf(NotFoundError);
  });
});
