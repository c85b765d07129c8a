// Time to first now-playing (navigation start → the title in the DOM, cold cache) and the station
// switch (click on the K-pop tab → K-pop's title on screen). Every run is a new browser context.

import { FAST_3G, openPage, waitForTitle } from "./browser.mjs";
import { FIRST_TITLE_SIGNAL } from "./probes.mjs";
import { playing } from "./station-helpers.mjs";

/** Where the time went in one load, for the report (ms from navigation start). */
async function loadBreakdown(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    // What the HTML asked for while it was parsed: the entry, its preloads and the stylesheet.
    const resources = performance
      .getEntriesByType("resource")
      .filter((r) => nav === undefined || r.startTime <= nav.domInteractive);
    const end = (pattern) =>
      Math.max(0, ...resources.filter((r) => pattern.test(r.name)).map((r) => r.responseEnd));
    const frames = window.__bench.frames;
    return {
      htmlEnd: nav?.responseEnd ?? null,
      jsEnd: end(/\.js(\?|$)/),
      cssEnd: end(/\.css(\?|$)/),
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      gatewayCreated: window.__bench.sockets.firstCreatedAt,
      firstFrame: frames[0]?.[0] ?? null,
      firstTrackFrame: frames.find(([, data]) => String(data).includes('"TRACK_UPDATE"'))?.[0] ?? null,
      titleInDom: window.__bench.firstTitleAt,
      titleFrame: window.__bench.firstTitleFrameAt,
      titleAfterPaint: window.__bench.firstTitlePaintedAt,
      titleRenderTime: window.__bench.titleRenderTime,
      titleSource: window.__bench.firstTitleId === "lm-shell-title" ? "shell" : "app",
      titleMeasuredBy: window.__bench.titleRenderTime === null ? "rAF+message" : "element timing",
      title: window.__bench.titleRenderTime ?? window.__bench.firstTitlePaintedAt,
    };
  });
}

/**
 * @param {{browser: import("playwright-core").Browser, appUrl: string, station: any, runs: number,
 *   fast3g?: boolean, stationSwitch?: boolean}} options
 */
export async function measureLoads({
  browser,
  appUrl,
  station,
  runs,
  fast3g = false,
  stationSwitch = false,
}) {
  const loads = [];
  const switches = [];
  for (let run = 0; run < runs; run++) {
    const { page, close, errors } = await openPage(browser, fast3g ? { network: FAST_3G } : {});
    try {
      const titled = page.waitForEvent("console", {
        predicate: (message) => message.text() === FIRST_TITLE_SIGNAL,
        timeout: 30_000,
      });
      await page.goto(appUrl, { waitUntil: "commit" });
      await titled;
      // Element Timing entries are delivered after the frame is presented, a little after the rAF probe.
      await page
        .waitForFunction(() => window.__bench.titleRenderTime !== null, null, { timeout: 2_000, polling: 20 })
        .catch(() => {});
      loads.push(await loadBreakdown(page));
      if (stationSwitch) switches.push(await switchToKpop(page, station));
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    } finally {
      await close();
    }
  }
  return { loads, switches };
}

/** Click K-pop in a page that shows J-pop; ms from the click event to K-pop's title in the DOM. */
async function switchToKpop(page, station) {
  const expected = playing(station, "kpop").title;
  await page.evaluate(() => {
    window.__bench.titles.length = 0;
    window.__bench.clicks.length = 0;
  });
  await page.getByRole("tab", { name: "K-pop" }).click();
  await waitForTitle(page, expected);
  const { clicks, titles } = await page.evaluate(() => ({
    clicks: window.__bench.clicks,
    titles: window.__bench.titles,
  }));
  const clickAt = clicks.find(([, label]) => label === "K-pop")?.[0];
  const shownAt = titles.find(([t, text]) => t >= clickAt && text === expected)?.[0];
  if (clickAt === undefined || shownAt === undefined) throw new Error("station switch was not observed");
  return shownAt - clickAt;
}
