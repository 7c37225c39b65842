import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv, oauthProviders } from "./env";

describe("environment", () => {
  it("refuses to start in production without AUTH_SECRET, with a sentence that says what to do", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is not set.*openssl rand/);
  });

  it("refuses a weak AUTH_SECRET in production", () => {
    expect(() => loadEnv({ NODE_ENV: "production", AUTH_SECRET: "secret" })).toThrow(/too weak \(6 characters/);
    expect(loadEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });

  it("generates and keeps a development secret under the data folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pw-env-"));
    const first = loadEnv({ PLANWRIGHT_DATA_DIR: dir }).AUTH_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadEnv({ PLANWRIGHT_DATA_DIR: dir }).AUTH_SECRET).toBe(first);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  });

  it("explains malformed URLs and ports", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => loadEnv({ PORT: "99999", AUTH_SECRET: "x".repeat(32) })).toThrow(/PORT/);
    expect(loadEnv({ DATABASE_URL: "", AUTH_SECRET: "x".repeat(32) }).DATABASE_URL).toBeUndefined();
  });

  it("switches OAuth providers on only when both variables are set", () => {
    expect(oauthProviders({ AUTH_GITHUB_ID: "id" })).toEqual({ github: false, google: false });
    expect(
      oauthProviders({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s", AUTH_GOOGLE_ID: "g", AUTH_GOOGLE_SECRET: "t" }),
    ).toEqual({
      github: true,
      google: true,
    });
  });
});
