import { describe, expect, it } from "vitest";
import { isPrivateAddress, resolveTarget, WebhookAddressError } from "./address";
import { sign, verify } from "./sign";

describe("webhook addresses", () => {
  it("refuses loopback, private, link-local and mapped addresses, by resolution only", async () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "169.254.169.254",
      "192.168.0.1",
      "172.20.0.1",
      "::1",
      "::ffff:127.0.0.1",
      "fd00::1",
      "fe80::1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "2606:4700::1111"]) expect(isPrivateAddress(a), a).toBe(false);

    const fake =
      (address: string, family: 4 | 6 = 4) =>
      async () => [{ address, family }];
    for (const url of [
      "http://127.0.0.1/hook",
      "http://10.0.0.5/hook",
      "http://169.254.169.254/latest",
      "http://[::1]/hook",
    ])
      await expect(resolveTarget(url, { allowPrivate: false })).rejects.toBeInstanceOf(WebhookAddressError);
    // A public name that resolves to a private address is refused too: every address is checked.
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 as const },
      { address: "10.0.0.1", family: 4 as const },
    ];
    await expect(resolveTarget("https://hooks.example.com/x", { allowPrivate: false, resolve })).rejects.toThrow(
      /10\.0\.0\.1/,
    );
    const ok = await resolveTarget("https://hooks.example.com/x", {
      allowPrivate: false,
      resolve: fake("93.184.216.34"),
    });
    expect(ok.addresses).toEqual([{ address: "93.184.216.34", family: 4 }]);
    expect((await resolveTarget("http://127.0.0.1:9/x", { allowPrivate: true })).addresses[0]!.address).toBe(
      "127.0.0.1",
    );
    await expect(resolveTarget("ftp://example.com/", { allowPrivate: true })).rejects.toBeInstanceOf(
      WebhookAddressError,
    );
  });

  it("signs t.body with HMAC-SHA256 and verifies it", () => {
    const header = sign("s3cret", '{"a":1}', 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verify("s3cret", '{"a":1}', header, 300, 1_700_000_000_000)).toBe(true);
    expect(verify("other", '{"a":1}', header, 300, 1_700_000_000_000)).toBe(false);
    expect(verify("s3cret", '{"a":2}', header, 300, 1_700_000_000_000)).toBe(false);
    expect(verify("s3cret", '{"a":1}', header, 300, 1_700_001_000_000)).toBe(false);
  });
});
