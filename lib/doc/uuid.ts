/** A v4 UUID in the browser and in Node alike (both have Web Crypto). */
export const randomUUID = (): string => globalThis.crypto.randomUUID();
