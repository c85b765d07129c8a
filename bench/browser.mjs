// Headless Chromium for the bench: one browser, a fresh context (cold cache, no storage) per page,
// the probes from probes.mjs in every page, and the few CDP calls the measurements need.

import { chromiumPath, launchChromium } from "../tests/chromium.mjs";
import { installProbes } from "./probes.mjs";

export const VIEWPORT = { width: 1366, height: 860 };

/** Chrome DevTools' idea of Fast 3G as the issue states it: 150 ms RTT, 1.6 Mbit/s both ways. */
export const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: 200_000,
  uploadThroughput: 200_000,
};

export { chromiumPath };

export function launchBrowser() {
  return launchChromium(["--disable-extensions", "--enable-precise-memory-info"]);
}

/**
 * A new context and page with the probes installed; `network` applies CDP network emulation
 * before the first request. Returns the page, its CDP session and a close().
 * @param {import("playwright-core").Browser} browser
 * @param {{network?: typeof FAST_3G}} [options]
 */
export async function openPage(browser, { network } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(installProbes);
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", network);
  }
  return {
    page,
    cdp,
    errors,
    close: () => context.close().catch(() => {}),
  };
}

/**
 * Waits until the app's now-playing title reads `title` (not index.html's static shell, which shows it
 * before the app has started and would let a measurement begin too early).
 */
export function waitForTitle(page, title, timeout = 15_000) {
  return page.waitForFunction(
    (expected) =>
      document.querySelector('section[aria-label="Now playing"] h2:not(#lm-shell-title)')?.textContent ===
      expected,
    title,
    { timeout, polling: 10 },
  );
}

/** The main thread's busy time so far, from CDP Performance.getMetrics (seconds, as Chrome reports). */
export async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const pick = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    task: pick("TaskDuration"),
    script: pick("ScriptDuration"),
    layout: pick("LayoutDuration"),
    style: pick("RecalcStyleDuration"),
  };
}

/** Heap and DOM counters after forced garbage collection. */
export async function memorySnapshot(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { nodes, jsEventListeners, documents } = await cdp.send("Memory.getDOMCounters");
  return { heapUsed: usedSize, nodes, listeners: jsEventListeners, documents };
}
