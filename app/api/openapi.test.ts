/**
 * docs/openapi.yaml cannot drift from the routes: every route handler's path and method is described
 * (and nothing else), and real answers of the JSON routes validate against their response schemas.
 */
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { NextRequest } from "next/server";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/db/testing";
import { apiRoutes } from "@/e2e/hardening/routes";
import { contentCollectionNames } from "@/lib/services/plan-content";

// Requests here carry an API token; the session reader (next-auth) is not needed.
vi.mock("@/lib/auth", () => ({ getPrincipal: async () => null }));

useTestDatabase();

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>> };
const doc = parse(readFileSync("docs/openapi.yaml", "utf8")) as Doc & {
  components: Record<string, Record<string, { schema: { enum: string[] } }>>;
};
/** next-auth's own endpoints are its contract, not this API's. */
const UNDESCRIBED = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]);
const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.keys(ops)
    .filter((k) => k !== "parameters")
    .map((m) => `${m.toUpperCase()} ${path}`),
);
const live = apiRoutes()
  .filter((r) => !UNDESCRIBED.has(r))
  .map((r) => r.replace(/\[(\w+)\]/g, "{$1}"));

const ajv = new Ajv({ unknownFormats: "ignore", schemaId: "auto", nullable: true });
ajv.addSchema(doc, "openapi");
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Check a real answer against what the description says for that path, method and status. */
async function conforms(path: string, method: string, res: Response) {
  const response = doc.paths[path]?.[method.toLowerCase()]?.responses[String(res.status)];
  expect(response, `${method} ${path} answers ${res.status}, which is not described`).toBeDefined();
  const schema = (response as { content?: Record<string, { schema?: object }> }).content?.["application/json"]?.schema;
  if (!schema || res.status === 204) return;
  const ref = `openapi#/${pointer("paths", path, method.toLowerCase(), "responses", String(res.status))}/content/application~1json/schema`;
  const body = await res.json();
  const ok = ajv.validate({ $ref: ref }, body);
  expect(ok, `${method} ${path}: ${ajv.errorsText()}\n${JSON.stringify(body).slice(0, 300)}`).toBe(true);
}

describe("docs/openapi.yaml", () => {
  it("has a checker that refuses what does not match", () => {
    expect(ajv.validate({ $ref: "openapi#/components/schemas/RowPage" }, { data: { items: 1 } })).toBe(false);
  });

  it("describes every route handler and method, and nothing that is not one", () => {
    expect(live.filter((r) => !described.includes(r))).toEqual([]);
    expect(described.filter((r) => !live.includes(r))).toEqual([]);
  });

  it("names every collection the content API serves", () => {
    const names = doc.components.parameters!.collection!.schema.enum as string[];
    expect([...names].sort()).toEqual([...contentCollectionNames(), "raci"].sort());
  });

  it("matches real answers of the JSON routes", async () => {
    const { signUp } = await import("@/lib/services/users");
    const { createApiToken } = await import("@/lib/services/tokens");
    const u = await signUp({ name: "Doc", email: "doc@example.com", password: "correct horse battery" });
    const { token } = await createApiToken({ kind: "user", userId: u.id }, { name: "OpenAPI" });
    process.env.WEBHOOKS_ALLOW_PRIVATE = "true";

    const call = async (method: string, template: string, url: string, body?: unknown, headers: object = {}) => {
      const file = `@/app${template.replace(/\{(\w+)\}/g, "[$1]")}/route`;
      const mod = (await import(/* @vite-ignore */ file)) as Record<
        string,
        (req: NextRequest, ctx: { params: Promise<object> }) => Promise<Response>
      >;
      const params: Record<string, string> = {};
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const values = new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`).exec(
        new URL(url, "http://x").pathname,
      )!;
      names.forEach((n, i) => (params[n] = decodeURIComponent(values[i + 1]!)));
      const req = new NextRequest(new URL(url, "http://localhost"), {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const res = (await mod[method]!(req, { params: Promise.resolve(params) })) as Response;
      await conforms(template, method, res.clone());
      return res;
    };
    const json = async (r: Response) =>
      ((await r.json()) as { data: Record<string, string> & Record<number, { id: string }> }).data;

    await call("GET", "/api/v1/workspaces", "/api/v1/workspaces");
    const ws = await json(await call("POST", "/api/v1/workspaces", "/api/v1/workspaces", { name: "Docs" }));
    const plan = await json(
      await call("POST", "/api/v1/workspaces/{id}/plans", `/api/v1/workspaces/${ws.id}/plans`, { title: "P" }),
    );
    const list = `/api/v1/plans/${plan.id}/tasks`;
    const task = await json(await call("POST", "/api/v1/plans/{id}/{collection}", list, { name: "T" }));
    await call("POST", "/api/v1/plans/{id}/{collection}", list, { name: "T", start: "2026-02-02", end: "2026-01-01" });
    await call("GET", "/api/v1/plans/{id}/{collection}", `${list}?limit=10`);
    await call("GET", "/api/v1/plans/{id}/{collection}", `${list}?limit=900`);
    const one = "/api/v1/plans/{id}/{collection}/{rowId}";
    const got = await call("GET", one, `${list}/${task.id}`);
    await call("PATCH", one, `${list}/${task.id}`, { name: "U" }, { "if-match": got.headers.get("etag")! });
    await call("PATCH", one, `${list}/${task.id}`, { name: "V" }, { "if-match": got.headers.get("etag")! });
    await call("DELETE", one, `${list}/${task.id}`);
    await call("GET", one, `${list}/${task.id}`);

    const hooks = `/api/v1/workspaces/${ws.id}/webhooks`;
    const hook = await json(
      await call("POST", "/api/v1/workspaces/{id}/webhooks", hooks, {
        url: "http://127.0.0.1:9/x",
        events: ["task.changed"],
      }),
    );
    await call("GET", "/api/v1/workspaces/{id}/webhooks", hooks);
    await call("POST", "/api/v1/plans/{id}/{collection}", list, { name: "Again" });
    const log = await json(
      await call("GET", "/api/v1/workspaces/{id}/webhooks/{webhookId}/deliveries", `${hooks}/${hook.id}/deliveries`),
    );
    await call(
      "POST",
      "/api/v1/workspaces/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
      `${hooks}/${hook.id}/deliveries/${log[0]!.id}/redeliver`,
    );
    await call("DELETE", "/api/v1/workspaces/{id}/webhooks/{webhookId}", `${hooks}/${hook.id}`);
  });
});
