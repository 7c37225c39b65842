import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages are loaded by Node at run time, never bundled;
  // the database handle is shared with server.ts through globalThis.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "ioredis", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
