/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi. (playwright-core's Firefox needs its own
 * patched build; with ESR its `newPage` fails on `emulation.setMediaFeaturesOverride`.)
 */
import puppeteer, { type ElementHandle, type Page } from "puppeteer-core";
import {
  DESKTOP,
  describeQuery,
  type Engine,
  type EngineElement,
  type EnginePage,
  type OpenOptions,
  wireQuery,
} from "../driver";
import { requireProgram } from "../environment";
import { callExpression, finderExpression } from "./page-scripts";

export function firefoxPath() {
  return process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";
}

/** Console noise from failures a test provokes on purpose (cut streams, dropped sockets). */
const EXPECTED_CONSOLE =
  /^Firefox can.t establish a connection|^The connection to .* was interrupted|NetworkError/;

export async function launchFirefoxEngine({ pulseServer }: { pulseServer: string }): Promise<Engine> {
  const executablePath = requireProgram(firefoxPath(), "firefox-esr", "Firefox ESR");
  const browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath,
    headless: true,
    env: { ...process.env, PULSE_SERVER: pulseServer },
    extraPrefsFirefox: {
      // Let tests start audio without a gesture, as Chromium's autoplay flag does.
      "media.autoplay.default": 0,
      "media.autoplay.blocking_policy": 0,
      // Stay inside this closed network.
      "app.update.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
    },
  });
  return {
    name: "firefox",
    minWidth: 0,
    version: await browser.version(),
    async open(options: OpenOptions = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(options.viewport ?? DESKTOP);
      if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${(error as Error).message ?? String(error)}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !EXPECTED_CONSOLE.test(message.text()))
          errors.push(`console: ${message.text()}`);
      });
      return firefoxPage(page, errors, () => context.close());
    },
    quit: () => browser.close(),
  };
}

function element(handle: ElementHandle<Element>): EngineElement {
  return {
    click: () => handle.click(),
    type: (text) => handle.type(text),
    text: () => handle.evaluate((el) => el.textContent ?? ""),
    attribute: (name) => handle.evaluate((el, n) => el.getAttribute(n), name),
  };
}

function firefoxPage(page: Page, errors: string[], close: () => Promise<void>): EnginePage {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    async find(query, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const handle = await page.evaluateHandle(`${finderExpression(wireQuery(query))}[0] ?? null`);
        const found = handle.asElement();
        if (found) return element(found as ElementHandle<Element>);
        await handle.dispose();
        if (Date.now() > deadline)
          throw new Error(`Timed out after ${timeoutMs} ms finding ${describeQuery(query)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    count: (query) => page.evaluate(`${finderExpression(wireQuery(query))}.length`) as Promise<number>,
    evaluate: (fn, ...args) => page.evaluate(callExpression(fn as (...a: never[]) => unknown, args)) as never,
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    pageErrors: async () => [...errors],
    close,
  };
}
