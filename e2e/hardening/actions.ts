/**
 * Server actions called the way Next.js's client calls them (POST with a `Next-Action` id), so the
 * hardening specs can post any action with any arguments from any session, as an attacker would.
 * Action ids come from the build's server-reference manifest, which also lists every action there is.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export type ActionEntry = { id: string; file: string; name: string; workers: string[] };

let cached: ActionEntry[] | null = null;

/** Every server action in the build under test (NEXT_DIST_DIR, as the e2e server uses). */
export function serverActions(): ActionEntry[] {
  if (cached) return cached;
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  cached = Object.entries(manifest.node).map(([id, v]) => ({
    id,
    file: v.filename ?? "?",
    name: v.exportedName ?? "?",
    workers: Object.keys(v.workers),
  }));
  return cached;
}

export function actionNamed(name: string): ActionEntry {
  const found = serverActions().find((a) => a.name === name);
  if (!found) throw new Error(`No server action named ${name} in the build`);
  return found;
}

/** A form action's arguments: `(previousState, formData)`. */
export const form = (fields: Record<string, string>) => ({ form: fields });
export type ActionArgs = { form: Record<string, string> } | { json: unknown[] };

/**
 * React's reply encoding of `(undefined, formData)`: the form's fields as `_1_<name>`, then part 0,
 * the argument list, where `$K1` points at them. Part 0 must come last: the server decodes it on arrival.
 */
function replyForm(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify(["$undefined", "$K1"]));
  return body;
}

/**
 * Call `name` as the page at `pagePath` would. Answers the response status, headers and the flight
 * text (the action's return value is in it, as JSON).
 */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  pagePath: string,
  name: string,
  args: ActionArgs,
) {
  const action = actionNamed(name);
  const headers = { "Next-Action": action.id, Origin: baseURL, Accept: "text/x-component" };
  const url = new URL(pagePath, baseURL).toString();
  const send = () =>
    "form" in args
      ? request.post(url, { headers, multipart: replyForm(args.form), maxRedirects: 0 })
      : request.post(url, {
          headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
          data: JSON.stringify(args.json),
          maxRedirects: 0,
        });
  // A pooled keep-alive socket the server closes (after 5 idle seconds) just as it is reused resets
  // before the request is read; sending once more on a fresh socket is safe then.
  const res = await send().catch((err: Error) => (/ECONNRESET/.test(err.message) ? send() : Promise.reject(err)));
  return { status: res.status(), headers: res.headers(), text: await res.text() };
}
