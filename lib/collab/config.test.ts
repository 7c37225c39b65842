import { describe, expect, it } from "vitest";
import { CollabConfigError, loadCollabConfig } from "./config";

describe("collaboration limits from the environment", () => {
  it("defaults to 10 MiB messages and sensible connection limits", () => {
    const c = loadCollabConfig({});
    expect(c.maxMessageBytes).toBe(10 * 1024 * 1024);
    expect(c.maxConnectionsPerPlan).toBeGreaterThan(1);
    expect(c.maxConnectionsPerUser).toBeGreaterThan(1);
    expect(c.projectionDebounceMs).toBeLessThanOrEqual(1000);
  });

  it("reads numbers, treats blanks as unset and refuses nonsense with a sentence", () => {
    expect(
      loadCollabConfig({ COLLAB_MAX_MESSAGE_BYTES: "2048", COLLAB_MAX_CONNECTIONS_PER_USER: " " }).maxMessageBytes,
    ).toBe(2048);
    expect(() => loadCollabConfig({ COLLAB_MAX_MESSAGE_BYTES: "lots" })).toThrow(CollabConfigError);
    expect(() => loadCollabConfig({ COLLAB_MAX_CONNECTIONS_PER_PLAN: "0" })).toThrow(/COLLAB_MAX_CONNECTIONS_PER_PLAN/);
    expect(() => loadCollabConfig({ COLLAB_PROJECTION_DEBOUNCE_MS: "5000" })).toThrow(/cannot start/);
  });
});
