// A diagnostic, not part of `npm run bench`: loads the page N times and prints where the main thread
// went. Two modes:
//   node bench/trace-load.mjs [--fast3g] [--runs=3]
//     Long Animation Frame entries per run: script, style+layout, and the rest up to the frame's end.
//   node bench/trace-load.mjs --trace [--runs=7] [--ab=variant.json] [--theme=light] [--width=360 --height=740]
//     A Chromium performance trace (CDP Tracing) of each load, broken down (trace-breakdown.mjs) from
//     navigation start to the first paint of the title, and to the app's own heading painted: parse
//     HTML, style (elements), layout, paint, composite, script, raster. Medians over the runs.
//     --ab names a JSON file {"name": "…", "patches": [{"file": "regex", "from": "text", "to": "text"}]}
//     applied to a copy of the build: the runs alternate between the build as it is (A) and the patched
//     copy (B), one fresh browser context each, and the report gives both medians and B/A. Patching the
//     built files keeps everything else byte-identical, so only the candidate differs.
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "../src/server/serve.mjs";
import { startStation } from "../tests/station/server.mjs";
import { FAST_3G, launchBrowser, openPage } from "./browser.mjs";
import { buildApp } from "./build.mjs";
import { FIRST_TITLE_SIGNAL } from "./probes.mjs";
import { median, round } from "./stats.mjs";
import { breakdown, findMainThread, TRACE_CATEGORIES } from "./trace-breakdown.mjs";

const { values: args } = parseArgs({
  options: {
    fast3g: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    css: { type: "string" },
    html: { type: "string" },
    trace: { type: "boolean", default: false },
    ab: { type: "string" },
    theme: { type: "string" },
    shots: { type: "string" },
    width: { type: "string" },
    height: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const station = await startStation({ port: 0, listenerDrift: false });
const outDir = join(process.cwd(), "dist-bench", `trace-${process.pid}`);
await mkdir(outDir, { recursive: true });
await buildApp({ listenOrigin: station.url, imageOrigin: station.imageOrigin, outDir });

/** A copy of the build with the variant's text replacements; each must match at least once. */
async function patchedCopy(variant) {
  const dir = `${outDir}-b`;
  await cp(outDir, dir, { recursive: true });
  for (const patch of variant.patches) {
    const pattern = new RegExp(patch.file);
    let hits = 0;
    for (const name of await readdir(dir, { recursive: true })) {
      if (!pattern.test(name) || /\.(br|gz)$/.test(name)) continue;
      const text = await readFile(join(dir, name), "utf8");
      if (!text.includes(patch.from)) continue;
      hits++;
      await writeFile(join(dir, name), text.split(patch.from).join(patch.to));
    }
    if (hits === 0) throw new Error(`ab: ${JSON.stringify(patch.from)} not found in ${patch.file}`);
  }
  return dir;
}

const variant = args.ab ? JSON.parse(await readFile(args.ab, "utf8")) : null;
const servers = [await startServer({ dist: outDir, port: 0, listenOrigin: station.url })];
if (variant)
  servers.push(await startServer({ dist: await patchedCopy(variant), port: 0, listenOrigin: station.url }));
const browser = await launchBrowser();
const viewport =
  args.width || args.height
    ? { width: Number(args.width ?? 1366), height: Number(args.height ?? 860) }
    : null;

/** Opens a fresh context on `url`, waits for the title's first paint plus a little, returns the page's probes. */
async function load(url, { trace }) {
  const { page, cdp, close } = await openPage(browser, args.fast3g ? { network: FAST_3G } : {});
  try {
    if (viewport) await page.setViewportSize(viewport);
    // The app's theme follows the system's ("system" is the default setting).
    if (args.theme) await page.emulateMedia({ colorScheme: args.theme });
    await page.addInitScript(() => {
      window.__loaf = [];
      new PerformanceObserver((list) =>
        window.__loaf.push(...list.getEntries().map((e) => e.toJSON())),
      ).observe({ type: "long-animation-frame", buffered: true });
      window.__paints = [];
      new PerformanceObserver((list) =>
        window.__paints.push(...list.getEntries().map((e) => [e.name, e.startTime])),
      ).observe({ type: "paint", buffered: true });
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
    const events = [];
    let traced;
    if (trace) {
      cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
      traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
      await cdp.send("Tracing.start", {
        transferMode: "ReportEvents",
        traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ["*"] },
      });
    }
    const titled = page.waitForEvent("console", {
      predicate: (m) => m.text() === FIRST_TITLE_SIGNAL,
      timeout: 30_000,
    });
    await page.goto(url, { waitUntil: "commit" });
    await titled;
    // The app's own heading: its first paint ends the second window.
    await page
      .waitForFunction(
        () => window.__bench.titleTimings.some(([t, id]) => id !== "lm-shell-title" && t > 0),
        null,
        { timeout: 10_000, polling: 20 },
      )
      .catch(() => {});
    await page.waitForTimeout(300);
    if (trace) {
      await cdp.send("Tracing.end");
      await traced;
    }
    const data = await page.evaluate(() => ({
      loaf: window.__loaf,
      paints: window.__paints,
      title: document.querySelector('section[aria-label="Now playing"] h2')?.textContent ?? null,
      nodes: document.getElementsByTagName("*").length,
      bench: { ...window.__bench, frames: window.__bench.frames.map(([t]) => t) },
    }));
    return { data, events };
  } finally {
    await close();
  }
}

const r = (n) => Math.round(n);

function printLoaf(run, data) {
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
}

/** The two moments a window ends at: the first paint of any title heading, and of the app's own. */
function moments(bench) {
  const titlePaint = bench.titleRenderTime ?? bench.firstTitlePaintedAt;
  const app = bench.titleTimings.find(([t, id]) => id !== "lm-shell-title" && t > 0);
  return { titlePaint, appPaint: app ? app[0] : null };
}

function traceSummary(run, label, { data, events }, url) {
  const main = findMainThread(events, url);
  const { titlePaint, appPaint } = moments(data.bench);
  const first = breakdown(events, main, titlePaint);
  const whole = appPaint ? breakdown(events, main, appPaint) : null;
  // The title's own frame: from the title entering the DOM (the shell's, written by the bootstrap)
  // to its paint (Element Timing, else the rAF cross-check); only when the shell held the title first.
  const shellFrame =
    data.bench.firstTitleId === "lm-shell-title" && titlePaint
      ? breakdown(events, main, titlePaint, data.bench.firstTitleAt)
      : null;
  const row = {
    titlePaint,
    appPaint,
    first,
    whole,
    shellFrame,
    shellFrameFrom: data.bench.firstTitleAt,
    nodes: data.nodes,
    title: data.title,
  };
  if (args.verbose) {
    const fmt = (b) =>
      Object.entries(b.kinds)
        .filter(([, v]) => v >= 0.5)
        .map(([k, v]) => `${k} ${round(v)}`)
        .join(", ");
    console.log(
      `${label} run ${run}: title in DOM ${r(data.bench.firstTitleAt)}, painted ${r(titlePaint)} (${data.bench.firstTitleId || "app"}), app painted ${appPaint ? r(appPaint) : "-"}, ${data.nodes} elements, title ${JSON.stringify(data.title)}`,
    );
    console.log(`  to title paint: ${fmt(first)}`);
    if (whole) console.log(`  to app paint:   ${fmt(whole)}`);
    const b = whole ?? first;
    console.log(
      `  styles: ${b.styles.map((s) => `${r(s.at)}+${round(s.dur)}ms/${s.elements}el${s.forced ? " forced" : ""}`).join(", ")}`,
    );
    if (b.forced.length)
      console.log(
        `  forced: ${b.forced.map((f) => `${f.kind}@${r(f.at)}+${round(f.dur)} ${f.from.join(" < ")}`).join("; ")}`,
      );
    console.log(
      `  top self times: ${Object.entries(b.names)
        .sort((x, y) => y[1].ms - x[1].ms)
        .slice(0, 14)
        .map(([k, v]) => `${k} ${round(v.ms)} (${v.count}×)`)
        .join("; ")}`,
    );
    console.log(
      `  tasks ≥5 ms: ${b.tasks.map((t) => `${r(t.at)}+${r(t.dur)}${t.name.includes(" ") ? ` (${t.name})` : ""}`).join(", ")}`,
    );
  }
  return row;
}

/** Median per kind and of the moments, over one variant's runs. */
function report(label, rows) {
  const kinds = [...new Set(rows.flatMap((row) => Object.keys(row.first.kinds)))].sort();
  const med = (pick) => round(median(rows.map(pick).filter((v) => v !== null && v !== undefined)));
  const out = {
    n: rows.length,
    titlePaint: med((row) => row.titlePaint),
    appPaint: med((row) => row.appPaint),
    elements: med((row) => row.nodes),
    first: {},
    whole: {},
    firstCpu: {},
    wholeCpu: {},
  };
  for (const kind of kinds) {
    out.first[kind] = med((row) => row.first.kinds[kind] ?? 0);
    out.whole[kind] = med((row) => row.whole?.kinds[kind] ?? null);
    out.firstCpu[kind] = med((row) => row.first.cpu[kind] ?? 0);
    out.wholeCpu[kind] = med((row) => row.whole?.cpu[kind] ?? null);
  }
  // The main thread's total: raster and the display compositor run on other threads.
  const total = (pick) =>
    med((row) => {
      const kinds = pick(row);
      if (!kinds) return null;
      return Object.entries(kinds).reduce(
        (sum, [kind, v]) => (kind === "raster (workers)" || kind === "display compositor" ? sum : sum + v),
        0,
      );
    });
  out.first.total = total((row) => row.first.kinds);
  out.whole.total = total((row) => row.whole?.kinds);
  out.firstCpu.total = total((row) => row.first.cpu);
  out.wholeCpu.total = total((row) => row.whole?.cpu);
  kinds.push("total");
  // The shell's title frame, over the runs where it was painted by the shell.
  const framed = rows.filter((row) => row.shellFrame);
  out.shellFrame = { n: framed.length, wall: {}, cpu: {} };
  for (const kind of [...kinds.filter((k) => k !== "total")]) {
    out.shellFrame.wall[kind] = round(median(framed.map((row) => row.shellFrame.kinds[kind] ?? 0)));
    out.shellFrame.cpu[kind] = round(median(framed.map((row) => row.shellFrame.cpu[kind] ?? 0)));
  }
  out.shellFrame.duration = round(median(framed.map((row) => row.titlePaint - row.shellFrameFrom)));
  const frameFonts = [...new Set(framed.flatMap((row) => Object.keys(row.shellFrame.names)))].filter((n) =>
    /font/i.test(n),
  );
  out.shellFrame.fonts = Object.fromEntries(
    frameFonts.map((name) => [name, round(median(framed.map((row) => row.shellFrame.names[name]?.ms ?? 0)))]),
  );
  const stylesOf = (row) => (row.whole ?? row.first).styles;
  out.styleElements = med((row) => stylesOf(row).reduce((sum, s) => sum + (s.elements ?? 0), 0));
  out.styleCount = med((row) => stylesOf(row).length);
  // Font matching and fallback (IPC to the browser process on Linux) by function: wall time and calls.
  const fontNames = [...new Set(rows.flatMap((row) => Object.keys((row.whole ?? row.first).names)))]
    .filter((name) => /font/i.test(name))
    .sort();
  out.fonts = Object.fromEntries(
    fontNames.map((name) => [
      name,
      {
        ms: med((row) => (row.whole ?? row.first).names[name]?.ms ?? 0),
        count: med((row) => (row.whole ?? row.first).names[name]?.count ?? 0),
      },
    ]),
  );
  out.forcedLayouts = med((row) => (row.whole ?? row.first).forced.length);
  console.log(
    `\n${label} (n=${out.n}): title painted ${out.titlePaint} ms, app painted ${out.appPaint} ms, ${out.elements} elements`,
  );
  console.log(
    "  main thread self time, ms   wall: to title paint / to app paint   CPU: to title paint / to app paint",
  );
  for (const kind of kinds)
    console.log(
      `  ${kind.padEnd(24)}${String(out.first[kind]).padStart(12)}${String(out.whole[kind]).padStart(14)}${String(out.firstCpu[kind]).padStart(16)}${String(out.wholeCpu[kind]).padStart(14)}`,
    );
  const frame = out.shellFrame;
  console.log(
    `  the shell's title frame (title in DOM → painted), n=${frame.n}: ${frame.duration} ms; wall ${Object.entries(
      frame.wall,
    )
      .filter(([, v]) => v >= 0.1)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; CPU ${Object.entries(frame.cpu)
      .filter(([, v]) => v >= 0.1)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; fonts ${Object.entries(frame.fonts)
      .filter(([, v]) => v >= 0.1)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  for (const [name, { ms, count }] of Object.entries(out.fonts))
    console.log(`  to app paint, ${name}: ${ms} ms, ${count} calls`);
  console.log(
    `  style recalcs ${out.styleCount}, elements styled ${out.styleElements}, forced style/layout ${out.forcedLayouts}`,
  );
  return out;
}

/**
 * Screenshots of the settled page from each server, at a phone's and a laptop's viewport, dark and
 * light: to look at side by side (A-… as built, B-… the variant); also prints each page's height.
 */
async function screenshots(dir) {
  await mkdir(dir, { recursive: true });
  for (const [i, server] of servers.entries())
    for (const size of [
      { width: 360, height: 740 },
      { width: 1280, height: 800 },
    ])
      for (const scheme of ["dark", "light"]) {
        const context = await browser.newContext({ viewport: size, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.locator('section[aria-label="Now playing"] h2:not(#lm-shell-title)').waitFor();
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(1000);
        const name = `${"AB"[i]}-${size.width}x${size.height}-${scheme}`;
        await page.screenshot({ path: join(dir, `${name}.png`), animations: "disabled" });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        console.log(`${name}: page height ${height}px`);
        await context.close();
      }
}

try {
  if (args.shots) await screenshots(args.shots);
  else if (!args.trace && variant) {
    // Untraced A/B: only the moments, without the tracing's own overhead.
    for (const server of servers) await load(server.url, { trace: false });
    const runMoments = [[], []];
    for (let run = 0; run < Number(args.runs); run++)
      for (const [i, server] of servers.entries())
        runMoments[i].push(moments((await load(server.url, { trace: false })).data.bench));
    const [a, b] = runMoments.map((list, i) => {
      const title = median(list.map((m) => m.titlePaint));
      const app = median(list.map((m) => m.appPaint).filter((v) => v !== null));
      console.log(
        `${["A (as built)", `B (${variant.name})`][i]} (n=${list.length}): title painted ${round(title)} ms (${list.map((m) => r(m.titlePaint)).join(", ")}), app painted ${round(app)} ms`,
      );
      return { title, app };
    });
    console.log(`B/A: title painted ${round(b.title / a.title, 2)}, app painted ${round(b.app / a.app, 2)}`);
  } else if (!args.trace) {
    for (let run = 0; run < Number(args.runs); run++)
      printLoaf(run, (await load(servers[0].url, { trace: false })).data);
  } else {
    // One untimed load per server first: the server compresses each file on first request.
    for (const server of servers) await load(server.url, { trace: false });
    const labels = variant ? ["A (as built)", `B (${variant.name})`] : ["as built"];
    const rows = labels.map(() => []);
    for (let run = 0; run < Number(args.runs); run++) {
      for (const [i, server] of servers.entries()) {
        const result = await load(server.url, { trace: true });
        rows[i].push(traceSummary(run, labels[i], result, server.url));
      }
    }
    const outs = labels.map((label, i) => report(label, rows[i]));
    if (variant) {
      const [a, b] = outs;
      const ratio = (x, y) => (x && y ? round(y / x, 2) : null);
      console.log(
        `\nB/A: title painted ${ratio(a.titlePaint, b.titlePaint)}, app painted ${ratio(a.appPaint, b.appPaint)}`,
      );
      for (const kind of Object.keys(a.whole))
        console.log(
          `  ${kind.padEnd(24)} wall to title ${ratio(a.first[kind], b.first[kind])}, to app ${ratio(a.whole[kind], b.whole[kind])}; CPU to title ${ratio(a.firstCpu[kind], b.firstCpu[kind])}, to app ${ratio(a.wholeCpu[kind], b.wholeCpu[kind])}`,
        );
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
  await station.close();
  await rm(outDir, { recursive: true, force: true });
  await rm(`${outDir}-b`, { recursive: true, force: true });
}
