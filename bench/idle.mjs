// Idle cost: the page open on one station, nothing happening but the progress bar's tick (and the
// heartbeat); main-thread busy time from CDP Performance.getMetrics, scaled to one minute.

import { mainThreadMetrics, openPage, waitForTitle } from "./browser.mjs";
import { playing } from "./station-helpers.mjs";

/**
 * @param {{browser: any, appUrl: string, station: any, runs: number, windowMs: number}} options
 */
export async function measureIdle({ browser, appUrl, station, runs, windowMs }) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const { page, cdp, close, errors } = await openPage(browser);
    try {
      await page.goto(appUrl);
      await waitForTitle(page, playing(station, "jpop").title);
      // Stop recording in the probes, so only the app's own work is counted.
      await page.evaluate(() => {
        window.__bench.record = false;
      });
      await page.waitForTimeout(3000);
      await cdp.send("Performance.enable");
      const before = await mainThreadMetrics(cdp);
      const started = Date.now();
      await page.waitForTimeout(windowMs);
      const after = await mainThreadMetrics(cdp);
      const perMinute = 60_000 / (Date.now() - started);
      const ms = (key) => (after[key] - before[key]) * 1000 * perMinute;
      results.push({ task: ms("task"), script: ms("script"), layout: ms("layout"), style: ms("style") });
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    } finally {
      await close();
    }
  }
  return results;
}
