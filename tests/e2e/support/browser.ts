import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumPath, launchChromium } from "../../chromium.mjs";

export { chromiumPath };

export const SCREENSHOT_DIR = join("test-results", "screenshots");

export const VIEWPORTS = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1366, height: 860 },
} as const;

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface PlayerPage {
  page: Page;
  /** Uncaught exceptions and console errors seen on the page. */
  errors: string[];
  failedRequests: string[];
  close(): Promise<void>;
}

const openContexts = new Set<BrowserContext>();

/** Close every page a test opened, even when the test failed half-way (so no socket outlives it). */
export async function closePlayers() {
  await Promise.all([...openContexts].map((context) => context.close().catch(() => {})));
  openContexts.clear();
}

/** Network failures a test provoked on purpose show up as console noise; they are not page errors. */
const EXPECTED_CONSOLE = /^Failed to load resource|ERR_INCOMPLETE_CHUNKED_ENCODING|WebSocket connection to/;

/**
 * A fresh context per test: no shared storage, and every page error recorded. Failed requests are
 * kept apart in `failedRequests` for diagnosis. `beforeLoad` runs on the blank page before the first
 * navigation (init scripts, a fake clock), so a test needs no second load to instrument the page.
 */
export async function openPlayer(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
  options: {
    colorScheme?: "light" | "dark";
    locale?: string;
    beforeLoad?: (page: Page) => Promise<unknown>;
  } = {},
): Promise<PlayerPage> {
  const { beforeLoad, ...contextOptions } = options;
  const context = await browser.newContext({ viewport, ...contextOptions });
  openContexts.add(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !EXPECTED_CONSOLE.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
  page.on("requestfailed", (request) =>
    failedRequests.push(`${request.url()} ${request.failure()?.errorText}`),
  );
  await beforeLoad?.(page);
  await page.goto(url);
  return {
    page,
    errors,
    failedRequests,
    close: async () => {
      openContexts.delete(context);
      await context.close();
    },
  };
}

/**
 * Resolves after two animation frames of the page: whatever the page queued before (a coalesced frame
 * delivery, a React commit, an answer being applied) has been drawn by then.
 */
export function animationFrames(page: Page) {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** The player's one <audio> element: its clock and source. */
export function audioState(page: Page) {
  return page.evaluate(() => {
    const audio = document.querySelector("audio");
    return audio
      ? { currentTime: audio.currentTime, src: audio.getAttribute("src") ?? "", paused: audio.paused }
      : { currentTime: 0, src: "", paused: true };
  });
}
