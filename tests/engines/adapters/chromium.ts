/** Chromium through playwright-core, launched by the project's one launcher (tests/chromium.mjs). */
import type { ElementHandle, Page } from "playwright-core";
import { chromiumPath, launchChromium } from "../../chromium.mjs";
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

/** Network failures a test provokes on purpose show up as console noise; they are not page errors. */
export const EXPECTED_CONSOLE =
  /^Failed to load resource|ERR_INCOMPLETE_CHUNKED_ENCODING|WebSocket connection to/;

export async function launchChromiumEngine({ pulseServer }: { pulseServer: string }): Promise<Engine> {
  requireProgram(chromiumPath(), "chromium", "Chromium");
  const browser = await launchChromium([], { env: { PULSE_SERVER: pulseServer }, sound: true });
  return {
    name: "chromium",
    minWidth: 0,
    version: browser.version(),
    async open(options: OpenOptions = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP });
      if (options.initScript) await context.addInitScript(options.initScript);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !EXPECTED_CONSOLE.test(message.text()))
          errors.push(`console: ${message.text()}`);
      });
      return chromiumPage(page, errors, () => context.close());
    },
    quit: () => browser.close(),
  };
}

function element(handle: ElementHandle<Element>): EngineElement {
  return {
    click: () => handle.click(),
    type: (text) => handle.type(text),
    text: async () => (await handle.textContent()) ?? "",
    attribute: (name) => handle.getAttribute(name),
  };
}

function chromiumPage(page: Page, errors: string[], close: () => Promise<void>): EnginePage {
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
        await page.waitForTimeout(100);
      }
    },
    count: (query) => page.evaluate(`${finderExpression(wireQuery(query))}.length`),
    evaluate: (fn, ...args) => page.evaluate(callExpression(fn as (...a: never[]) => unknown, args)),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    pageErrors: async () => [...errors],
    close,
  };
}
