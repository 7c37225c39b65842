import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { insertRow, randomUUID, readRows, rowsOf, type CollectionName } from "@/lib/doc";
import { LiveRows, liveRowsOf } from "./plan-data-rows";

/** A small deterministic random source, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fieldsMap = (fields: Record<string, unknown>) => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const inner = new Y.Map<unknown>();
      for (const [ik, iv] of Object.entries(v)) inner.set(ik, iv);
      m.set(k, inner);
    } else m.set(k, v);
  }
  return m;
};

/**
 * One random edit of a collection, made the way editors and hostile or old clients can make it:
 * valid and malformed rows added, fields changed (order too, and nested maps), rows replaced and
 * deleted, several at once. Returns the row keys it may have touched.
 */
function randomEdit(doc: Y.Doc, name: "tasks" | "objectives" | "dependencies", rand: () => number): Set<string> {
  const touched = new Set<string>();
  const map = rowsOf(doc, name);
  const keys = [...map.keys()];
  const pick = () => keys[Math.floor(rand() * keys.length)];
  const steps = 1 + Math.floor(rand() * 3);
  doc.transact(() => {
    for (let s = 0; s < steps; s++) {
      const r = rand();
      const key = pick();
      if (r < 0.3 || !key) {
        const id = randomUUID();
        touched.add(id);
        const order = Math.floor(rand() * 20);
        if (name === "tasks")
          insertRow(doc, "tasks", {
            id,
            name: `T${order}`,
            start: null,
            end: null,
            progress: Math.floor(rand() * 100),
            kind: "task",
            parentId: null,
            deliverableId: null,
            assigneeId: null,
            priority: "medium",
            order,
          });
        else if (name === "objectives")
          insertRow(doc, "objectives", {
            id,
            title: `O${order}`,
            description: "",
            kpi: { metric: "m", baseline: null, target: null, current: null, unit: "", due: null },
            order,
          });
        else insertRow(doc, "dependencies", { id, from: randomUUID(), to: randomUUID(), type: "FS", lag: 0 });
      } else if (r < 0.38) {
        // Malformed: a key that is not a UUID, or a row whose field has the wrong type.
        const bad = rand() < 0.5 ? `row-${Math.floor(rand() * 1000)}` : randomUUID();
        touched.add(bad);
        map.set(bad, fieldsMap({ order: "first", name: 7, title: 7, type: "XX" }));
      } else if (r < 0.6) {
        touched.add(key);
        const row = map.get(key);
        if (row instanceof Y.Map) row.set("order", Math.floor(rand() * 20));
      } else if (r < 0.72) {
        touched.add(key);
        const row = map.get(key);
        // Break a valid row or mend a broken one.
        if (row instanceof Y.Map)
          row.set(name === "dependencies" ? "lag" : "order", rand() < 0.5 ? "soon" : Math.floor(rand() * 20));
      } else if (r < 0.82) {
        touched.add(key);
        const row = map.get(key);
        const kpi = row instanceof Y.Map ? row.get("kpi") : undefined;
        if (kpi instanceof Y.Map) kpi.set("target", rand() < 0.8 ? Math.floor(rand() * 100) : "lots");
        else if (row instanceof Y.Map)
          row.set(
            name === "tasks" ? "name" : name === "objectives" ? "title" : "lag",
            name === "dependencies" ? Math.floor(rand() * 5) : `renamed ${rand()}`,
          );
      } else if (r < 0.9) {
        touched.add(key);
        map.set(
          key,
          fieldsMap({
            order: Math.floor(rand() * 20),
            name: "replaced",
            title: "replaced",
            from: randomUUID(),
            to: randomUUID(),
          }),
        );
      } else {
        touched.add(key);
        map.delete(key);
      }
    }
  });
  return touched;
}

describe("LiveRows (incremental collection reader)", () => {
  for (const name of ["tasks", "objectives", "dependencies"] as const) {
    it(`matches readRows after every random edit of ${name}, keeping untouched rows' objects`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const rand = rng(seed * 7919 + name.length);
        const doc = new Y.Doc();
        const live = new LiveRows(doc, name);
        let notified = 0;
        live.subscribe(() => notified++);
        let before = live.get();
        expect(before).toEqual([]);
        for (let step = 0; step < 300; step++) {
          const touched = randomEdit(doc, name, rand);
          const rows = live.get();
          expect(rows, `seed ${seed}, step ${step}`).toEqual(readRows(doc, name).rows);
          expect(live.get()).toBe(rows); // stable until the next change
          const prev = new Map(before.map((r) => [r.id, r]));
          for (const row of rows) if (!touched.has(row.id) && prev.has(row.id)) expect(row).toBe(prev.get(row.id));
          before = rows;
        }
        expect(notified).toBe(300);
      }
    });
  }

  it("follows changes that arrive from another replica", () => {
    const rand = rng(42);
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on("update", (u: Uint8Array) => Y.applyUpdate(b, u, "remote"));
    const live = liveRowsOf(b, "tasks");
    expect(liveRowsOf(b, "tasks")).toBe(live);
    live.get();
    for (let step = 0; step < 200; step++) {
      randomEdit(a, "tasks", rand);
      expect(live.get()).toEqual(readRows(b, "tasks").rows);
      expect(live.get()).toEqual(readRows(a, "tasks").rows);
    }
  });

  it("reads a collection changed while nobody was reading it", () => {
    const doc = new Y.Doc();
    const name: CollectionName = "tasks";
    const live = new LiveRows(doc, name);
    const rand = rng(7);
    for (let i = 0; i < 20; i++) randomEdit(doc, name, rand);
    expect(live.get()).toEqual(readRows(doc, name).rows);
    live.destroy();
    randomEdit(doc, name, rand);
  });
});
