import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages are loaded by Node at run time, never bundled; so is Yjs, which
  // must exist once per process (documents cross from route handlers to the collaboration server);
  // the database handle is shared with server.ts through globalThis, and so is Drizzle: with a bundled
  // copy, the pages' tables were another copy's classes to the shared handle, and every field of every
  // row read took Drizzle's slow entity check (≈ 7 ms of a 1,000-task plan's page).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "postgres",
    "drizzle-orm",
    "ioredis",
    "prom-client",
    "yjs",
    "y-protocols",
    "lib0",
    // Sends from server.ts's mail worker; the pages only queue mail, so there is nothing to bundle.
    "nodemailer",
  ],
  poweredByHeader: false,
  // A separate build folder lets several builds (or test runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Types are checked once, by `npm run typecheck` (tsc), before the build in `npm test` and CI.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        // Read-only links: never indexed, never cached by shared caches, the token never sent as Referer.
        source: "/s/:token*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
