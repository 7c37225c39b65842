/**
 * Flags for the headless Chromium that renders PDFs and runs the browser tests: no sandbox (Chromium
 * will not start as root with one, as in most containers), no GPU, and none of the browser's own
 * network traffic.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
