import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { insertRow, setRaciCell } from "../lib/doc";

/**
 * The large plan the page and rules benchmarks use: 1,000 tasks (300 linked in a chain), 300 risks, a
 * 15-column RACI grid with letters on 100 rows. Built with the document layer's own writers.
 */
export function largePlan(ownerId: string): Y.Doc {
  const doc = new Y.Doc();
  const must = (r: { ok: boolean; problems?: unknown }) => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  };
  doc.transact(() => {
    const taskIds: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = randomUUID();
      taskIds.push(id);
      const day = 1 + (i % 27);
      must(
        insertRow(doc, "tasks", {
          id,
          name: `Task ${i + 1}: integrate the ${["billing", "search", "export", "audit"][i % 4]} module`,
          start: `2027-0${1 + (i % 9)}-${String(day).padStart(2, "0")}`,
          end: `2027-0${1 + (i % 9)}-${String(Math.min(28, day + 1)).padStart(2, "0")}`,
          progress: (i * 7) % 100,
          kind: "task",
          parentId: null,
          deliverableId: null,
          assigneeId: i % 3 ? ownerId : null,
          priority: "medium",
          order: i,
        }),
      );
    }
    for (let i = 1; i < 300; i++)
      must(
        insertRow(doc, "dependencies", {
          id: randomUUID(),
          from: taskIds[i - 1]!,
          to: taskIds[i]!,
          type: "FS",
          lag: 0,
        } as never),
      );
    for (let i = 0; i < 300; i++) {
      must(
        insertRow(doc, "risks", {
          id: randomUUID(),
          title: `Risk ${i + 1}: supplier delay on part ${i}`,
          description: "Lead times have doubled this year.",
          category: ["Schedule", "Cost", "Quality"][i % 3]!,
          ownerId,
          likelihood: 1 + (i % 5),
          impact: 1 + ((i * 3) % 5),
          trigger: "Quote not confirmed by the 10th",
          mitigation: "Second supplier qualified",
          contingency: "Air freight",
          status: "open",
          linkedTaskIds: [taskIds[i]!],
          reviewDate: "2027-03-01",
        } as never),
      );
    }
    const columns: string[] = [];
    for (let c = 0; c < 15; c++) {
      const id = randomUUID();
      columns.push(id);
      must(insertRow(doc, "raciColumns", { id, kind: "role", userId: null, name: `Role ${c + 1}`, order: c }));
    }
    const letters = ["R", "A", "C", "I"] as const;
    for (let r = 0; r < 100; r++)
      for (let c = 0; c < 15; c++)
        must(setRaciCell(doc, taskIds[r]!, columns[c]!, c === 0 ? "A" : letters[(r + c) % 4]!));
  });
  return doc;
}
