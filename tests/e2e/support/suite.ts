import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { closePlayers, launchBrowser } from "./browser";
import { stationControl } from "./station";

type StationControl = ReturnType<typeof stationControl>;

/**
 * The station reset before each test (faults cleared, logs emptied; optionally favorites and logins)
 * and the test's pages closed after it, even when it failed half-way, so no socket outlives it.
 */
export function resetAroundEachTest(
  station: () => StationControl,
  reset: { favorites?: boolean; tokens?: boolean; requests?: boolean },
  closePages: () => Promise<void>,
) {
  beforeEach(async () => {
    await station().reset(reset);
  });
  afterEach(closePages);
}

/**
 * The shared shape of an e2e file: one Chromium per file, the station reset before each test (faults
 * cleared, logs emptied) and every page closed after it, even when the test failed half-way.
 */
export function setUpE2eSuite({
  holdSongs = false,
  ...reset
}: {
  favorites?: boolean;
  tokens?: boolean;
  requests?: boolean;
  /**
   * Songs change only when a test says `next`, never because one ended: for files that expect a
   * given song after `next` (a queued request), which a song ending on its own mid-test would break.
   */
  holdSongs?: boolean;
} = {}) {
  const appUrl = inject("appUrl");
  const station = stationControl(inject("stationUrl"));
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (holdSongs) await station.config({ autoAdvance: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (holdSongs) await station.config({ autoAdvance: true });
  });
  resetAroundEachTest(() => station, reset, closePlayers);
  return {
    appUrl,
    station,
    get browser(): Browser {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
  };
}
