import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv, oauthProviders, setting } from "./env";

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

  it("defaults the pool size, sign-in limits, Chromium path and flags", () => {
    const env = loadEnv({ AUTH_SECRET: "x".repeat(32) });
    expect(env).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      SIGNIN_FAILURES_PER_ACCOUNT: 10,
      SIGNIN_ATTEMPTS_PER_ADDRESS: 50,
      SIGNUPS_PER_ADDRESS: 20,
      CHROMIUM_PATH: "/usr/bin/chromium",
      CSP_REPORTS_EXPOSED: false,
    });
    expect(env.METRICS_TOKEN).toBeUndefined();
    const set = loadEnv({
      AUTH_SECRET: "x".repeat(32),
      DATABASE_POOL_SIZE: "25",
      SIGNUPS_PER_ADDRESS: " 100000 ",
      CHROMIUM_PATH: "/opt/chromium",
      METRICS_TOKEN: " token ",
      CSP_REPORTS_EXPOSED: "1",
    });
    expect(set).toMatchObject({
      DATABASE_POOL_SIZE: 25,
      SIGNUPS_PER_ADDRESS: 100000,
      CHROMIUM_PATH: "/opt/chromium",
      METRICS_TOKEN: "token",
      CSP_REPORTS_EXPOSED: true,
    });
  });

  it("limits schedule imports to 10 MiB unless IMPORT_MAX_BYTES says otherwise", () => {
    expect(setting("IMPORT_MAX_BYTES", {})).toBe(10 * 1024 * 1024);
    expect(setting("IMPORT_MAX_BYTES", { IMPORT_MAX_BYTES: "2097152" })).toBe(2 * 1024 * 1024);
    expect(() => setting("IMPORT_MAX_BYTES", { IMPORT_MAX_BYTES: "10MB" })).toThrow(
      new EnvError("The environment is invalid: IMPORT_MAX_BYTES must be a whole number from 1024 to 1073741824."),
    );
  });

  it("checks the mail settings and says what they accept", () => {
    const secret = "x".repeat(32);
    expect(loadEnv({ AUTH_SECRET: secret })).toMatchObject({
      SMTP_URL: undefined,
      MAIL_FROM: "Planwright <planwright@localhost>",
      PUBLIC_URL: "http://localhost:3000",
    });
    expect(
      loadEnv({
        AUTH_SECRET: secret,
        SMTP_URL: "smtp://user:pass@mail.example.com:587",
        MAIL_FROM: "Plans <plans@example.com>",
        PUBLIC_URL: "https://plans.example.com/",
      }),
    ).toMatchObject({
      SMTP_URL: "smtp://user:pass@mail.example.com:587",
      MAIL_FROM: "Plans <plans@example.com>",
      PUBLIC_URL: "https://plans.example.com",
    });
    expect(() => loadEnv({ AUTH_SECRET: secret, SMTP_URL: "mail.example.com:25" })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadEnv({ AUTH_SECRET: secret, MAIL_FROM: "planwright" })).toThrow(/MAIL_FROM must be an address/);
    expect(() => loadEnv({ AUTH_SECRET: secret, PUBLIC_URL: "plans.example.com" })).toThrow(
      /PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/,
    );
  });

  it("treats a blank variable as unset", () => {
    expect(loadEnv({ AUTH_SECRET: "x".repeat(32), PORT: "", DATABASE_POOL_SIZE: " " })).toMatchObject({
      PORT: 3000,
      DATABASE_POOL_SIZE: 10,
    });
  });

  it("names each bad value in a sentence that says what is allowed", () => {
    const bad = {
      AUTH_SECRET: "x".repeat(32),
      DATABASE_POOL_SIZE: "ten",
      SIGNIN_FAILURES_PER_ACCOUNT: "0",
      SIGNIN_ATTEMPTS_PER_ADDRESS: "2.5",
      CSP_REPORTS_EXPOSED: "yes",
    };
    let message = "";
    try {
      loadEnv(bad);
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      message = (err as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "Planwright cannot start: the environment is invalid.",
      "  - DATABASE_POOL_SIZE must be a whole number from 1 to 1000.",
      "  - SIGNIN_FAILURES_PER_ACCOUNT must be a whole number from 1 to 1000000.",
      "  - SIGNIN_ATTEMPTS_PER_ADDRESS must be a whole number from 1 to 1000000.",
      "  - CSP_REPORTS_EXPOSED must be true or false.",
    ]);
  });

  it("reads one variable at the time of the call, without requiring AUTH_SECRET", () => {
    const source: Record<string, string | undefined> = { NODE_ENV: "production" };
    expect(setting("DATABASE_URL", source)).toBeUndefined();
    source.DATABASE_URL = "postgres://db/one";
    expect(setting("DATABASE_URL", source)).toBe("postgres://db/one");
    expect(setting("DATABASE_POOL_SIZE", source)).toBe(10);
    source.DATABASE_POOL_SIZE = "-1";
    expect(() => setting("DATABASE_POOL_SIZE", source)).toThrow(
      new EnvError("The environment is invalid: DATABASE_POOL_SIZE must be a whole number from 1 to 1000."),
    );
    expect(() => setting("REDIS_URL", { REDIS_URL: "http://cache" })).toThrow(
      /^The environment is invalid: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL\.$/,
    );
  });
});
