import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next.js resolves this marker inside its bundles; under test it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "lib/node/empty.js"),
    },
  },
  test: {
    include: ["{lib,db,app,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
