#!/usr/bin/env node
// The chaos soak from the command line: `npm run soak -- --minutes N`.
// Starts the local LISTEN.moe (tests/station), builds the player against it, serves the build with
// `npm start`'s server, and runs tests/soak/chaos.mjs in headless Chromium. Prints a summary, writes
// the full report to test-results/soak.json, and exits 1 if any limit in SOAK_LIMITS was broken.

import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { build } from "vite";
import { startServer } from "../../src/server/serve.mjs";
import { startStation } from "../station/server.mjs";
import { runSoak, SOAK_LIMITS, summary, verdict } from "./chaos.mjs";

const USAGE = `Usage: npm run soak -- [--minutes N] [--seed N] [--out FILE] [--quiet]
  --minutes N   how long to run (default 3; fractions allowed)
  --seed N      repeat a run's random choices
  --out FILE    where the JSON report goes (default test-results/soak.json)
  --quiet       no line per action`;

let args;
try {
  args = parseArgs({
    options: {
      minutes: { type: "string", default: "3" },
      seed: { type: "string" },
      out: { type: "string", default: "test-results/soak.json" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
} catch (error) {
  console.error(`soak: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const minutes = Number(args.minutes);
if (!(minutes > 0)) {
  console.error(`soak: --minutes must be a positive number\n\n${USAGE}`);
  process.exit(2);
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--autoplay-policy=no-user-gesture-required",
];

/** A production build whose endpoints all point at the station (as tests/e2e/support/build.ts does). */
async function buildAgainst(listenOrigin, imageOrigin, outDir) {
  const saved = { ...process.env };
  Object.assign(process.env, {
    VITE_LISTEN_ORIGIN: listenOrigin,
    VITE_CDN_ORIGIN: listenOrigin,
    VITE_GRAPHQL_URL: "/graphql",
    VITE_IMAGE_ORIGINS: imageOrigin,
  });
  try {
    await build({ mode: "production", logLevel: "error", build: { outDir, emptyOutDir: true } });
  } finally {
    for (const key of ["VITE_LISTEN_ORIGIN", "VITE_CDN_ORIGIN", "VITE_GRAPHQL_URL", "VITE_IMAGE_ORIGINS"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

const outDir = resolve("dist-soak", String(process.pid));
const station = await startStation({ port: 0 });
let app;
let browser;
let exitCode = 0;
try {
  console.log(`soak: station on ${station.url}; building the player…`);
  await buildAgainst(station.url, station.imageOrigin, outDir);
  app = await startServer({ dist: outDir, port: 0, listenOrigin: station.url });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  console.log(`soak: player on ${app.url}; running for ${minutes} min`);
  const report = await runSoak({
    browser,
    appUrl: app.url,
    stationUrl: station.url,
    durationMs: Math.round(minutes * 60_000),
    seed: args.seed === undefined ? undefined : Number(args.seed),
    log: args.quiet ? undefined : (line) => console.log(line),
  });
  const broken = verdict(report);
  mkdirSync(resolve(args.out, ".."), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify({ limits: SOAK_LIMITS, broken, ...report }, null, 2)}\n`);
  console.log(`\n${summary(report)}\n`);
  if (broken.length > 0) {
    console.log(`LIMITS BROKEN:\n  ${broken.join("\n  ")}`);
    exitCode = 1;
  } else {
    console.log("all limits held");
  }
  console.log(`report: ${args.out}`);
} catch (error) {
  console.error(`soak failed: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await app?.close().catch(() => {});
  await station.close().catch(() => {});
  await rm(outDir, { recursive: true, force: true });
}
process.exit(exitCode);
