import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages are loaded by Node at run time, never bundled;
  // the database handle is shared with server.ts through globalThis.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "ioredis", "prom-client"],
  poweredByHeader: false,
  // A separate build folder lets several builds (or test runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
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
