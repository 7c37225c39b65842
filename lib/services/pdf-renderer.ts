import "server-only";
import { chromium, type Browser } from "playwright-core";
import { setting } from "@/lib/env";
import { chromiumArgs } from "@/lib/chromium";

/**
 * One headless Chromium for PDF exports: launched on first use, shared, closed after a minute idle.
 * At most MAX_PAGES render at once; the rest wait their turn, so a burst of exports cannot exhaust
 * the machine.
 */
const MAX_PAGES = 2;
const IDLE_MS = 60_000;
const RENDER_TIMEOUT_MS = 30_000;

type State = { browser: Promise<Browser> | null; active: number; queue: (() => void)[]; idle: NodeJS.Timeout | null };
const state: State = ((globalThis as { __planwrightPdf?: State }).__planwrightPdf ??= {
  browser: null,
  active: 0,
  queue: [],
  idle: null,
});

function browser(): Promise<Browser> {
  if (!state.browser) {
    const launching = chromium.launch({
      executablePath: setting("CHROMIUM_PATH"),
      args: chromiumArgs,
      headless: true,
    });
    state.browser = launching;
    launching.then(
      (b) => b.on("disconnected", () => state.browser === launching && (state.browser = null)),
      () => state.browser === launching && (state.browser = null),
    );
  }
  return state.browser;
}

async function acquire() {
  if (state.idle) clearTimeout(state.idle);
  state.idle = null;
  if (state.active >= MAX_PAGES) await new Promise<void>((resolve) => state.queue.push(resolve));
  state.active++;
}

function release() {
  state.active--;
  state.queue.shift()?.();
  if (state.active === 0 && state.queue.length === 0) {
    state.idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
    state.idle.unref();
  }
}

export async function closePdfBrowser() {
  const b = state.browser;
  state.browser = null;
  await (await b?.catch(() => null))?.close().catch(() => {});
}

/**
 * Print `url` (a page of this server) to an A4 PDF. `headers` go with requests to that origin only;
 * requests anywhere else are blocked, so a plan's content cannot make the server fetch other hosts.
 */
export async function renderPdf(url: string, headers: Record<string, string>): Promise<Uint8Array> {
  await acquire();
  try {
    const context = await (await browser()).newContext();
    try {
      const origin = new URL(url).origin;
      await context.route("**/*", (route) => {
        const req = route.request();
        if (req.url().startsWith("data:")) return route.continue();
        if (new URL(req.url()).origin !== origin) return route.abort();
        return route.continue({ headers: { ...req.headers(), ...headers } });
      });
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      const res = await page.goto(url, { waitUntil: "load" });
      if (!res || !res.ok()) throw new Error(`Print page answered ${res?.status() ?? "nothing"}`);
      await page.emulateMedia({ media: "print" });
      return await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" },
      });
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    release();
  }
}
