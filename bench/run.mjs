#!/usr/bin/env node
// npm run bench: the performance numbers in one command.
//
// Starts the local station, builds the production app against it (and a profiling build), serves
// both on 127.0.0.1, drives headless Chromium through every measurement several times, prints a
// table of medians next to the targets and writes bench/results.json. Timings are reported, never
// enforced: the size budget is enforced by tests/budget/bundle-size.test.ts.
//
//   npm run bench                     everything (about 7 minutes on 2 cores, most of it the soak)
//   npm run bench -- --quick          fewer runs and a shorter soak, for a quick look
//   npm run bench -- --only=size,load one or more of: size, load, latency, burst, commits, idle,
//                                     long-life, throughput (req/s at 50 connections: npm start and nginx),
//                                     favorites (5,000 favorites: data → first rows, keystroke → filtered)

import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "../src/server/serve.mjs";
import { startStation } from "../tests/station/server.mjs";
import { chromiumPath, launchBrowser } from "./browser.mjs";
import { buildApp } from "./build.mjs";
import { startCompressingProxy } from "./compressing-proxy.mjs";
import { measureFavorites } from "./favorites.mjs";
import { measureIdle } from "./idle.mjs";
import { initialLoad } from "./initial-load.mjs";
import { measureLoads } from "./load.mjs";
import { measureLongLife } from "./long-life.mjs";
import { buildRows, formatTable, TARGETS } from "./report.mjs";
import { measureThroughput } from "./throughput.mjs";
import { measureBurst, measureCommits, measureUpdateLatency } from "./updates.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = join(ROOT, "bench", "results.json");
const MEASUREMENTS = [
  "size",
  "load",
  "latency",
  "burst",
  "commits",
  "idle",
  "long-life",
  "throughput",
  "favorites",
];
/** The bench stops itself, whatever happens, after this long. */
const HARD_LIMIT_MS = 15 * 60_000;

const { values: args } = parseArgs({
  options: { quick: { type: "boolean", default: false }, only: { type: "string" } },
});
const only = args.only ? args.only.split(",").map((s) => s.trim()) : MEASUREMENTS;
for (const name of only) {
  if (!MEASUREMENTS.includes(name)) {
    console.error(`unknown measurement "${name}"; pick from ${MEASUREMENTS.join(", ")}`);
    process.exit(2);
  }
}
const wants = (name) => only.includes(name);

const PLAN = args.quick
  ? {
      loadRuns: 3,
      latencyRuns: 1,
      updates: 300,
      burstRuns: 2,
      burstUpdates: 2000,
      commitUpdates: 200,
      idleRuns: 1,
      idleMs: 10_000,
      rounds: 2,
      throughputRuns: 1,
      throughputSeconds: 3,
      favoritesRuns: 2,
    }
  : {
      loadRuns: 7,
      latencyRuns: 2,
      updates: 1000,
      burstRuns: 5,
      burstUpdates: 2000,
      commitUpdates: 1000,
      idleRuns: 3,
      idleMs: 15_000,
      rounds: 20,
      throughputRuns: 3,
      throughputSeconds: 5,
      favoritesRuns: 5,
    };
const SOAK = { updatesPerRound: 500, reconnectsPerRound: 25, switchesPerRound: 10 };

const log = (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function machine(browserVersion) {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() will do.
  }
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: browserVersion,
    chromiumPath: chromiumPath(),
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const cleanups = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
}

const watchdog = setTimeout(async () => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 60_000} minutes; stopping`);
  await cleanup();
  process.exit(2);
}, HARD_LIMIT_MS);
watchdog.unref();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

async function main() {
  const started = Date.now();
  const results = {
    startedAt: new Date().toISOString(),
    plan: { ...PLAN, ...SOAK, quick: args.quick },
    targets: TARGETS,
  };

  // A quiet station: no listener drift, so only the bench's own updates reach the page.
  const station = await startStation({ port: 0, listenerDrift: false });
  cleanups.push(() => station.close());
  log(`station on ${station.url}`);

  const outRoot = join(ROOT, "dist-bench", String(process.pid));
  cleanups.push(() => rm(outRoot, { recursive: true, force: true }));
  await mkdir(outRoot, { recursive: true });
  const appDir = join(outRoot, "app");
  const profileDir = join(outRoot, "profile");
  await buildApp({ listenOrigin: station.url, imageOrigin: station.imageOrigin, outDir: appDir });
  log("production build done");
  if (wants("commits")) {
    await buildApp({
      listenOrigin: station.url,
      imageOrigin: station.imageOrigin,
      outDir: profileDir,
      profile: true,
    });
    log("profiling build done");
  }

  if (wants("size")) {
    results.size = initialLoad(appDir);
    log(`initial load ${(results.size.total.gzip / 1000).toFixed(1)} kB gzip`);
  }

  const app = await startServer({ dist: appDir, port: 0, listenOrigin: station.url });
  cleanups.push(() => app.close());
  let profile = null;
  if (wants("commits")) {
    profile = await startServer({ dist: profileDir, port: 0, listenOrigin: station.url });
    cleanups.push(() => profile.close());
  }

  if (wants("throughput")) {
    results.throughput = await measureThroughput({
      appDir,
      runs: PLAN.throughputRuns,
      seconds: PLAN.throughputSeconds,
      log,
    });
    log("throughput done");
  }

  const needsBrowser = only.some((name) => name !== "size" && name !== "throughput");
  const browser = needsBrowser ? await launchBrowser() : null;
  if (browser) cleanups.push(() => browser.close());
  results.machine = machine(browser?.version() ?? null);

  if (wants("load")) {
    const local = await measureLoads({
      browser,
      appUrl: app.url,
      station,
      runs: PLAN.loadRuns,
      stationSwitch: true,
    });
    log("first now-playing (localhost) and station switch done");
    const fast3g = await measureLoads({
      browser,
      appUrl: app.url,
      station,
      runs: PLAN.loadRuns,
      fast3g: true,
    });
    log("first now-playing (Fast 3G, as src/server/serve.mjs serves it) done");
    const gzipFront = await startCompressingProxy(app.url);
    cleanups.push(() => gzipFront.close());
    const fast3gGzip = await measureLoads({
      browser,
      appUrl: gzipFront.url,
      station,
      runs: PLAN.loadRuns,
      fast3g: true,
    });
    log("first now-playing (Fast 3G, gzip front) done");
    results.firstNowPlaying = {
      local: { runs: local.loads },
      fast3g: { runs: fast3g.loads },
      fast3gGzip: { runs: fast3gGzip.loads },
    };
    results.stationSwitch = { runs: local.switches };
  }
  if (wants("latency")) {
    results.updateLatency = await measureUpdateLatency({
      browser,
      appUrl: app.url,
      station,
      runs: PLAN.latencyRuns,
      count: PLAN.updates,
      intervalMs: 5,
    });
    log("update latency done");
  }
  if (wants("burst")) {
    results.burst = await measureBurst({
      browser,
      appUrl: app.url,
      station,
      runs: PLAN.burstRuns,
      count: PLAN.burstUpdates,
    });
    log("burst done");
  }
  if (wants("commits")) {
    results.commits = await measureCommits({
      browser,
      profileUrl: profile.url,
      station,
      count: PLAN.commitUpdates,
      intervalMs: 5,
    });
    log("commit counts done");
  }
  if (wants("idle")) {
    results.idle = {
      windowSeconds: PLAN.idleMs / 1000,
      runs: await measureIdle({
        browser,
        appUrl: app.url,
        station,
        runs: PLAN.idleRuns,
        windowMs: PLAN.idleMs,
      }),
    };
    log("idle cost done");
  }
  if (wants("favorites")) {
    results.favorites = await measureFavorites({ browser, appUrl: app.url, runs: PLAN.favoritesRuns });
    log("favorites view done");
  }
  if (wants("long-life")) {
    results.longLife = await measureLongLife({
      browser,
      appUrl: app.url,
      station,
      rounds: PLAN.rounds,
      ...SOAK,
      log,
    });
    log("long life done");
  }

  results.machine.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
  results.seconds = Math.round((Date.now() - started) / 1000);
  results.rows = buildRows(results);
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

  const m = results.machine;
  console.log("");
  console.log(
    `npm run bench — ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, Chromium ${m.chromium ?? "n/a"}, load ${m.loadAverageAtStart.join(" ")} → ${m.loadAverageAtEnd.join(" ")}${args.quick ? ", --quick" : ""}`,
  );
  console.log(formatTable(results.rows));
  console.log(
    `\n${results.rows.filter((r) => r.status === "fail").length} target(s) missed; ${results.seconds} s; wrote ${RESULTS}`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
