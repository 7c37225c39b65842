/**
 * Where a webhook may be sent. A URL's host is resolved and every address it resolves to is checked,
 * so a name pointing at loopback, a private network or cloud metadata (169.254.169.254) is refused,
 * unless WEBHOOKS_ALLOW_PRIVATE is set. Delivery then connects to the checked addresses only
 * (no second lookup an attacker's DNS could answer differently).
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { setting } from "@/lib/env";

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(net, bits, "ipv6");

/** Whether an address is loopback, private, link-local, reserved or multicast (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class WebhookAddressError extends Error {}

export type Resolved = { address: string; family: 4 | 6 }[];

/** The addresses a webhook URL may be sent to, or a WebhookAddressError saying why none. */
export async function resolveTarget(
  url: string,
  opts: { allowPrivate?: boolean; resolve?: (host: string) => Promise<Resolved> } = {},
): Promise<{ url: URL; addresses: Resolved }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookAddressError("The webhook URL is not a valid URL.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new WebhookAddressError("A webhook URL starts with https:// or http://.");
  if (parsed.username || parsed.password) throw new WebhookAddressError("A webhook URL carries no user or password.");
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const resolve = opts.resolve ?? (async (h: string) => (await lookup(h, { all: true, verbatim: true })) as Resolved);
  let addresses: Resolved;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) as 4 | 6 }] : await resolve(host);
  } catch {
    throw new WebhookAddressError(`The host ${host} could not be resolved.`);
  }
  if (addresses.length === 0) throw new WebhookAddressError(`The host ${host} could not be resolved.`);
  const allowPrivate = opts.allowPrivate ?? setting("WEBHOOKS_ALLOW_PRIVATE");
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad && !allowPrivate)
    throw new WebhookAddressError(
      `Webhooks are not sent to private or loopback addresses (${host} resolves to ${bad.address}).`,
    );
  return { url: parsed, addresses };
}
