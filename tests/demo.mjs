#!/usr/bin/env node
/**
 * The offline demo: a local LISTEN.moe (tests/station) and the production player pointed at it.
 *
 *   npm run demo [-- --port 5173 --station-port 8787 --speed 4]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "vite";
import { startServer } from "../src/server/serve.mjs";
import { startStation } from "./station/server.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "5173" },
    "station-port": { type: "string", default: "8787" },
    speed: { type: "string", default: "1" },
  },
});

const station = await startStation({
  port: Number(values["station-port"]),
  speed: Number(values.speed),
  quiet: false,
});
process.env.VITE_LISTEN_ORIGIN = station.url;
process.env.VITE_CDN_ORIGIN = station.url;
process.env.VITE_IMAGE_ORIGINS = station.imageOrigin;
process.env.VITE_GRAPHQL_URL = "/graphql";
const outDir = resolve("dist-demo");
await build({ mode: "production", logLevel: "warn", build: { outDir, emptyOutDir: true } });
const app = await startServer({ dist: outDir, port: Number(values.port), listenOrigin: station.url });

const { DEMO_ACCOUNTS } = await import("./station/accounts.mjs");
console.log(`
  LISTEN.moe player (offline demo): ${app.url}
  Local station:                    ${station.url}

  Demo logins:
${DEMO_ACCOUNTS.map((a) => `    ${a.username} / ${a.password}${a.mfa ? `   (two-factor code ${a.mfaCode ?? "246810"})` : ""}`).join("\n")}

  Press Ctrl+C to stop.
`);

async function shutdown() {
  await app.close();
  await station.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
