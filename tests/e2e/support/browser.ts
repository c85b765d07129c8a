import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export function chromiumPath(): string {
  return process.env.CHROME_PATH || "/usr/bin/chromium";
}

export const SCREENSHOT_DIR = join("test-results", "screenshots");

export const VIEWPORTS = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1366, height: 860 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

export interface PlayerPage {
  page: Page;
  /** Uncaught exceptions and console errors seen on the page. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context per test: no shared storage, and every page error recorded. */
export async function openPlayer(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
): Promise<PlayerPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, errors, close: () => context.close() };
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
      ? { currentTime: audio.currentTime, src: audio.currentSrc, paused: audio.paused }
      : { currentTime: 0, src: "", paused: true };
  });
}
