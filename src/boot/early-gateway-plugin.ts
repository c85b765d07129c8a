/**
 * Build step: index.html gets src/boot/early-gateway.js inline, with the gateway URLs of this build,
 * and the CSP gets its sha256 (the only inline script; 'unsafe-inline' stays out). Production builds
 * only: `npm run dev` has no CSP and the client simply opens its own socket.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { stationGatewayUrl } from "../lib/gateway-url.ts";
import { STATIONS } from "../lib/stations.ts";

const SOURCE = new URL("./early-gateway.js", import.meta.url);

/**
 * The script's text as it goes into index.html: comments and indentation dropped, URLs filled in.
 * `source` is early-gateway.js's text (read from disk when not given; tests pass Vite's `?raw`).
 */
export function earlyGatewayScript(listenOrigin: string, source = readFileSync(SOURCE, "utf8")): string {
  const urls = Object.fromEntries(
    STATIONS.map((station) => [station, stationGatewayUrl(listenOrigin, station)]),
  );
  const code = source
    .split("\n")
    .map((line) => line.trim())
    .filter(
      (line) => line !== "" && !line.startsWith("//") && !(line.startsWith("/*") && line.endsWith("*/")),
    )
    .join("\n");
  // JSON of URLs cannot contain "</script": readEndpoints only lets through parsed http(s) origins,
  // and "<" is escaped anyway so no origin could end the element early.
  return code.replace("GATEWAY_URLS", JSON.stringify(urls).replaceAll("<", "\\u003c"));
}

/** The CSP source expression that allows exactly `script`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}
