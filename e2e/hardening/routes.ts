/**
 * The app's routes as the filesystem has them, so a spec can insist that every one is covered:
 * every page.tsx under app/ as a URL pattern, every route.ts with the methods it exports.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const files = (name: string) =>
  (readdirSync("app", { recursive: true }) as string[])
    .filter((f) => path.basename(f) === name)
    .map((f) => path.join("app", f));

/** `app/(app)/plans/[id]/page.tsx` → `/plans/[id]` (route groups dropped). */
export const routeOf = (file: string) =>
  "/" +
  path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");

export function pageRoutes(): string[] {
  return files("page.tsx").map(routeOf).sort();
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** `GET /api/v1/plans/[id]`, … for every exported method of every route handler. */
export function apiRoutes(): string[] {
  const out: string[] = [];
  for (const file of files("route.ts")) {
    const src = readFileSync(file, "utf8");
    const exported = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)) exported.add(m[1]!);
    for (const m of src.matchAll(/export\s+const\s*\{([^}]*)\}/g))
      for (const n of m[1]!.split(",")) exported.add(n.trim());
    for (const method of METHODS) if (exported.has(method)) out.push(`${method} ${routeOf(file)}`);
  }
  return out.sort();
}
