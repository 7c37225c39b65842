/**
 * The production build under test keeps out of its server bundle the packages that must exist once per
 * process: server.ts and the pages share Yjs documents and the database handle, and a second, bundled copy
 * of Yjs or Drizzle makes their objects strangers to each other (Yjs breaks its constructor checks;
 * Drizzle falls back to a slow prototype walk for every field of every row it maps).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const dist = process.env.NEXT_DIST_DIR || ".next";

/** A string each package's own source holds, so a bundled copy shows up in a chunk. */
const markers = {
  yjs: "Yjs was already imported",
  "drizzle-orm": "drizzle:entityKind",
};

test("the server bundle holds no copy of Yjs or Drizzle: one copy each per process", () => {
  const chunks = (readdirSync(path.join(dist, "server"), { recursive: true }) as string[]).filter((f) =>
    f.endsWith(".js"),
  );
  expect(chunks.length).toBeGreaterThan(10);
  const bundled = Object.entries(markers).flatMap(([pkg, marker]) =>
    chunks
      .filter((f) => readFileSync(path.join(dist, "server", f), "utf8").includes(marker))
      .map((f) => `${pkg} in ${f}`),
  );
  expect(bundled).toEqual([]);
});
