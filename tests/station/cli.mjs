#!/usr/bin/env node
// Runs the local LISTEN.moe station:
//   node tests/station/cli.mjs [--port 8787] [--image-port 8788] [--protocol v2|seed] [--speed N] [--start-time start|end]
//                              [--heartbeat MS] [--seed N] [--cors dev|strict] [--mfa-code 123456] [--quiet]
// Without --port it picks a free port. Ctrl+C (SIGINT) or SIGTERM stops it cleanly.

import { parseArgs } from "node:util";
import { DEMO_ACCOUNTS } from "./accounts.mjs";
import { startStation } from "./server.mjs";

const USAGE = `Usage: node tests/station/cli.mjs [options]
  --port N                 port on 127.0.0.1 (default: a free port)
  --image-port N           port of the event-image host, a second origin (default: a free port)
  --protocol v2|seed       "seed": the v2 gateway paths use the legacy v1 auth handshake too
  --speed N                songs last duration / N (default 1)
  --start-time start|end   meaning of startTime on the wire (default start)
  --heartbeat MS           heartbeat interval in the welcome (default 35000; 45000 for v1)
  --seed N                 catalogue seed (default 42)
  --cors dev|strict        CORS on /graphql (default dev)
  --mfa-code CODE          two-factor code for mika (default 246810)
  --quiet                  no request log
  -h, --help               this help`;

function fail(message) {
  console.error(`station: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function number(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a number`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: "string" },
      "image-port": { type: "string" },
      protocol: { type: "string" },
      speed: { type: "string" },
      "start-time": { type: "string" },
      heartbeat: { type: "string" },
      seed: { type: "string" },
      cors: { type: "string" },
      "mfa-code": { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(error.message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

let station;
try {
  station = await startStation({
    port: number(args.port, "port") ?? 0,
    imagePort: number(args["image-port"], "image-port") ?? 0,
    protocol: args.protocol,
    speed: number(args.speed, "speed"),
    startTime: args["start-time"],
    heartbeatMs: number(args.heartbeat, "heartbeat"),
    seed: number(args.seed, "seed"),
    cors: args.cors,
    mfaCode: args["mfa-code"],
    quiet: args.quiet,
  });
} catch (error) {
  fail(error.code === "EADDRINUSE" ? `port ${error.port ?? args.port} is already in use` : error.message);
}

const ws = station.url.replace(/^http/, "ws");
console.log(`LISTEN.moe station on ${station.url}`);
console.log(`  gateways   ${ws}/gateway_v2  ${ws}/kpop/gateway_v2  (v1: /gateway, /kpop/gateway)`);
console.log(`  graphql    ${station.url}/graphql`);
console.log(`  streams    ${station.url}/stream  /opus  /fallback  /kpop/stream  /kpop/opus  /kpop/fallback`);
console.log(`  control    ${station.url}/__control/state`);
console.log(
  `  event art  ${station.imageOrigin}/<name>  (a second origin; build with VITE_IMAGE_ORIGINS=${station.imageOrigin})`,
);
console.log("  demo logins:");
for (const account of DEMO_ACCOUNTS) {
  const mfa = account.mfa ? `  (two-factor code ${station.config.mfaCode})` : "";
  console.log(`    ${account.username} / ${account.password}  <${account.email}>${mfa}`);
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (!args.quiet) console.log(`\nstation: ${signal}, shutting down`);
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await station.close();
  process.exit(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
