/**
 * One delivery attempt: POST the body, signed, to the checked addresses only; redirects are not
 * followed (a 3xx counts as a failure), and a slow receiver is cut off.
 */
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveTarget, WebhookAddressError } from "./address";
import { sign, SIGNATURE_HEADER } from "./sign";

const TIMEOUT_MS = 10_000;

export type Attempt = { ok: boolean; status: number | null; error: string | null };

export async function sendDelivery(
  target: { url: string; secret: string },
  delivery: { id: string; event: string },
  body: string,
): Promise<Attempt> {
  let resolved;
  try {
    resolved = await resolveTarget(target.url);
  } catch (err) {
    if (err instanceof WebhookAddressError) return { ok: false, status: null, error: err.message };
    throw err;
  }
  const { url, addresses } = resolved;
  // Connect to what was checked, whatever the resolver says now.
  const pinned: LookupFunction = (_host, options, callback) => {
    const first = addresses[0]!;
    if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof addresses) => void)(null, addresses);
    else callback(null, first.address, first.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Attempt>((resolve) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "user-agent": "Planwright-Webhooks/1",
          "planwright-event": delivery.event,
          "planwright-delivery": delivery.id,
          [SIGNATURE_HEADER.toLowerCase()]: sign(target.secret, body),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({
          ok,
          status,
          error: ok ? null : status >= 300 && status < 400 ? "Redirects are not followed." : null,
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} seconds.`)));
    req.on("error", (err) => resolve({ ok: false, status: null, error: err.message }));
    req.end(body);
  });
}
