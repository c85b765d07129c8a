/**
 * Build step: index.html gets src/boot/early-gateway.js inline, with the gateway URLs of this build,
 * and the CSP gets its sha256 (the only inline script; 'unsafe-inline' stays out). Production builds
 * only: `npm run dev` has no CSP and the client simply opens its own socket.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { minifySync } from "vite";
import { stationGatewayUrl } from "../lib/gateway-url.ts";
import { STATIONS } from "../lib/stations.ts";

const SOURCE = new URL("./early-gateway.js", import.meta.url);

/**
 * The script's text as it goes into index.html: minified, the URLs filled in.
 * `source` is early-gateway.js's text (read from disk when not given; tests pass Vite's `?raw`).
 */
export function earlyGatewayScript(listenOrigin: string, source = readFileSync(SOURCE, "utf8")): string {
  const urls = Object.fromEntries(
    STATIONS.map((station) => [station, stationGatewayUrl(listenOrigin, station)]),
  );
  const { code, errors } = minifySync("early-gateway.js", source, { compress: { target: "es2022" } });
  if (errors.length > 0) throw new Error(`early-gateway.js: ${errors.map((e) => e.message).join("; ")}`);
  // GATEWAY_URLS is a free name, so the minifier leaves it as it is. JSON of URLs cannot end the
  // element ("<" is escaped anyway, and readEndpoints only lets parsed http(s) origins through).
  return code.trim().replace("GATEWAY_URLS", JSON.stringify(urls).replaceAll("<", "\\u003c"));
}

/** The CSP source expression that allows exactly `script`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}
