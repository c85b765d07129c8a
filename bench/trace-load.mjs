// A diagnostic, not part of `npm run bench`: loads the page N times and prints where the main thread
// went (Long Animation Frame entries: script, style+layout, and the rest up to the frame's end).
//   node bench/trace-load.mjs [--fast3g] [--runs=3]
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "../src/server/serve.mjs";
import { startStation } from "../tests/station/server.mjs";
import { FAST_3G, launchBrowser, openPage } from "./browser.mjs";
import { buildApp } from "./build.mjs";
import { FIRST_TITLE_SIGNAL } from "./probes.mjs";

const { values: args } = parseArgs({
  options: {
    fast3g: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    css: { type: "string" },
    html: { type: "string" },
  },
});
const station = await startStation({ port: 0, listenerDrift: false });
const outDir = join(process.cwd(), "dist-bench", `trace-${process.pid}`);
await mkdir(outDir, { recursive: true });
await buildApp({ listenOrigin: station.url, imageOrigin: station.imageOrigin, outDir });
const app = await startServer({ dist: outDir, port: 0, listenOrigin: station.url });
const browser = await launchBrowser();
try {
  for (let run = 0; run < Number(args.runs); run++) {
    const { page, close } = await openPage(browser, args.fast3g ? { network: FAST_3G } : {});
    await page.addInitScript(() => {
      window.__loaf = [];
      new PerformanceObserver((list) =>
        window.__loaf.push(...list.getEntries().map((e) => e.toJSON())),
      ).observe({
        type: "long-animation-frame",
        buffered: true,
      });
      window.__paints = [];
      new PerformanceObserver((list) =>
        window.__paints.push(...list.getEntries().map((e) => [e.name, e.startTime])),
      ).observe({
        type: "paint",
        buffered: true,
      });
    });
    if (args.css)
      await page.addInitScript((css) => {
        document.addEventListener("DOMContentLoaded", () => {
          const style = document.createElement("style");
          style.textContent = css;
          document.head.append(style);
        });
      }, args.css);
    if (args.html)
      await page.addInitScript((html) => {
        document.addEventListener("DOMContentLoaded", () =>
          document.body.insertAdjacentHTML("beforeend", html),
        );
      }, args.html);
    const titled = page.waitForEvent("console", {
      predicate: (m) => m.text() === FIRST_TITLE_SIGNAL,
      timeout: 30_000,
    });
    await page.goto(app.url, { waitUntil: "commit" });
    await titled;
    await page.waitForTimeout(300);
    const data = await page.evaluate(() => ({
      loaf: window.__loaf,
      paints: window.__paints,
      bench: { ...window.__bench, frames: window.__bench.frames.map(([t]) => t) },
    }));
    const r = (n) => Math.round(n);
    console.log(
      `run ${run}: paints ${data.paints.map(([n, t]) => `${n} ${r(t)}`).join(", ")}; socket ${r(data.bench.sockets.firstCreatedAt)}, frames ${data.bench.frames.map(r).join(",")}; title dom ${r(data.bench.firstTitleAt)} frame ${r(data.bench.firstTitleFrameAt)} painted ${r(data.bench.firstTitlePaintedAt)} ET ${r(data.bench.titleRenderTime)} ${JSON.stringify(data.bench.titleTimings)} first ${data.bench.firstTitleId}`,
    );
    for (const f of data.loaf) {
      console.log(
        `  LoAF ${r(f.startTime)}–${r(f.startTime + f.duration)} (${r(f.duration)}): render ${r(f.renderStart)} style ${r(f.styleAndLayoutStart)} blocking ${r(f.blockingDuration)}; scripts ${f.scripts
          .map(
            (s) =>
              `${s.invoker}@${r(s.startTime)}+${r(s.duration)}${s.forcedStyleAndLayoutDuration ? ` forced ${r(s.forcedStyleAndLayoutDuration)}` : ""}`,
          )
          .join(" | ")}`,
      );
    }
    await close();
  }
} finally {
  await browser.close();
  await app.close();
  await station.close();
  await rm(outDir, { recursive: true, force: true });
}
