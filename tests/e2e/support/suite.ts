import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { closePlayers, launchBrowser } from "./browser";
import { stationControl } from "./station";

/**
 * The shared shape of an e2e file: one Chromium per file, the station reset before each test (faults
 * cleared, logs emptied) and every page closed after it, even when the test failed half-way.
 */
export function setUpE2eSuite(reset: { favorites?: boolean; tokens?: boolean } = {}) {
  const appUrl = inject("appUrl");
  const station = stationControl(inject("stationUrl"));
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await station.reset(reset);
  });
  afterEach(closePlayers);
  return {
    appUrl,
    station,
    get browser(): Browser {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
  };
}
