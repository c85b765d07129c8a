// The local LISTEN.moe station: gateways, GraphQL, audio mounts, CDN images, SSE and the control
// API, all on ONE port. `startStation()` is the entry point for tests; cli.mjs wraps it.

import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { createFavorites, DEFAULT_MFA_CODE, DEMO_ACCOUNTS } from "./accounts.mjs";
import { AudioMounts, MOUNTS } from "./audio.mjs";
import { buildCatalogue } from "./catalogue.mjs";
import { Cdn } from "./cdn.mjs";
import { createControl } from "./control.mjs";
import { Faults } from "./faults.mjs";
import { Gateway } from "./gateway.mjs";
import { createGraphql } from "./graphql.mjs";
import { startImageHost } from "./image-host.mjs";
import { createProfileOverrides } from "./inject.mjs";
import { ServerSentEvents } from "./sse.mjs";
import { Station } from "./stations.mjs";
import { createTokenStore } from "./tokens.mjs";

/**
 * @typedef {object} StationOptions
 * @property {number} [port] 0 = any free port
 * @property {number} [imagePort] port of the event-image host, another origin (0 = any free port)
 * @property {string} [host] default 127.0.0.1
 * @property {"v2"|"seed"} [protocol] "seed": the v2 paths also use the v1 auth handshake
 * @property {number} [speed] songs last duration / speed
 * @property {"start"|"end"} [startTime] what `startTime` means on the wire (§2.9.1)
 * @property {number} [seed] catalogue / rotation seed
 * @property {number} [heartbeatMs] heartbeat advertised in the welcome (v2 default 35000; seed 45000 unless given)
 * @property {number|null} [heartbeatTimeoutMs] close with 4001 after this long without op 9 (default 1.5 x heartbeat; 0 = never)
 * @property {string} [mfaCode] the two-factor code for mika
 * @property {number} [mfaTokenTtlMs] lifetime of the temporary token after login with two-factor (default 120000)
 * @property {"dev"|"strict"} [cors] dev: GraphQL answers CORS for any Origin; strict: no CORS headers
 * @property {boolean} [quiet] no logging (default true)
 * @property {"zero"|"mixed"|"real"} [lastPlayedDurations] lastPlayed[].duration: always 0, mostly 0 (default), real
 * @property {boolean} [listenerDrift] drift listener counts every ~10-20 s (default true)
 * @property {boolean} [rebroadcastOnDrift] sometimes re-send a same-song TRACK_UPDATE on drift (default true)
 * @property {number} [graphqlHangMs] how long the graphql "timeout" fault holds a request (default 30000)
 * @property {number} [audioBurstBytes] initial audio burst, bytes (default 65536, Icecast's burst-size)
 * @property {number} [audioBurstSeconds] initial audio burst, seconds of audio (default 3)
 * @property {number|null} [audioStartSeconds] where in the jingle new listeners start (default: live position)
 */

const ONE_OF = {
  protocol: ["v2", "seed"],
  startTime: ["start", "end"],
  cors: ["dev", "strict"],
  lastPlayedDurations: ["zero", "mixed", "real"],
};

/** @param {StationOptions} options */
function normalizeOptions(options) {
  const o = {
    port: 0,
    imagePort: 0,
    host: "127.0.0.1",
    protocol: "v2",
    speed: 1,
    startTime: "start",
    seed: 42,
    heartbeatMs: 35_000,
    heartbeatTimeoutMs: null,
    mfaCode: DEFAULT_MFA_CODE,
    mfaTokenTtlMs: 120_000,
    cors: "dev",
    quiet: true,
    lastPlayedDurations: "mixed",
    listenerDrift: true,
    rebroadcastOnDrift: true,
    graphqlHangMs: 30_000,
    audioBurstBytes: 64 * 1024,
    audioBurstSeconds: 3,
    audioStartSeconds: null,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  for (const [key, allowed] of Object.entries(ONE_OF)) {
    if (!allowed.includes(o[key]))
      throw new TypeError(`startStation: ${key} must be one of ${allowed.join(", ")}`);
  }
  for (const key of [
    "port",
    "imagePort",
    "heartbeatMs",
    "mfaTokenTtlMs",
    "graphqlHangMs",
    "audioBurstBytes",
    "audioBurstSeconds",
  ]) {
    if (typeof o[key] !== "number" || !Number.isFinite(o[key]) || o[key] < 0) {
      throw new TypeError(`startStation: ${key} must be a number >= 0`);
    }
  }
  if (!(o.speed > 0)) throw new TypeError("startStation: speed must be > 0");
  if (!/^\d{6}$/.test(String(o.mfaCode))) throw new TypeError("startStation: mfaCode must be 6 digits");
  return {
    ...o,
    mfaCode: String(o.mfaCode),
    // The v1 welcome advertises 45000 unless a heartbeat was asked for explicitly.
    heartbeatExplicit: options.heartbeatMs !== undefined,
  };
}

function playlist(host, station) {
  const prefix = station === "kpop" ? "/kpop" : "";
  const name = station === "kpop" ? "LISTEN.moe (K-pop)" : "LISTEN.moe (J-pop)";
  return `#EXTM3U\n#EXTINF:-1,${name}\nhttp://${host}${prefix}/stream\n#EXTINF:-1,${name} (MP3)\nhttp://${host}${prefix}/fallback\n`;
}

function indexPage(url) {
  const mounts = Object.keys(MOUNTS)
    .map((m) => `<li><code>${m}</code> <audio controls preload="none" src="${m}"></audio></li>`)
    .join("\n");
  const accounts = DEMO_ACCOUNTS.map(
    (a) => `<li><code>${a.username}</code> / <code>${a.password}</code>${a.mfa ? " (two-factor)" : ""}</li>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LISTEN.moe station</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}code{background:#f3f0f7;padding:0 .25em}</style>
</head><body>
<h1>LISTEN.moe station</h1>
<p>A local stand-in for LISTEN.moe on <code>${url}</code>.</p>
<h2>Gateways</h2>
<ul><li><code>ws://…/gateway_v2</code>, <code>ws://…/kpop/gateway_v2</code> (v2)</li>
<li><code>ws://…/gateway</code>, <code>ws://…/kpop/gateway</code> (legacy v1 handshake)</li></ul>
<h2>Streams</h2><ul>${mounts}</ul>
<p>Playlists: <a href="/m3u8/jpop.m3u">jpop.m3u</a>, <a href="/m3u8/kpop.m3u">kpop.m3u</a></p>
<h2>Demo accounts</h2><ul>${accounts}</ul>
<p>GraphQL: <code>POST /graphql</code>. State: <a href="/__control/state">/__control/state</a>.</p>
</body></html>
`;
}

/**
 * Starts the station.
 * @param {StationOptions} [options]
 */
export async function startStation(options = {}) {
  const config = normalizeOptions(options);
  const log = config.quiet ? () => {} : (...args) => console.log("[station]", ...args);
  const epoch = Date.now();
  const catalogue = buildCatalogue(config.seed);
  const stations = {
    jpop: new Station({
      key: "jpop",
      catalogue,
      seed: config.seed,
      speed: config.speed,
      listenerDrift: config.listenerDrift,
      rebroadcastOnDrift: config.rebroadcastOnDrift,
    }),
    kpop: new Station({
      key: "kpop",
      catalogue,
      seed: config.seed,
      speed: config.speed,
      listenerDrift: config.listenerDrift,
      rebroadcastOnDrift: config.rebroadcastOnDrift,
    }),
  };
  for (const station of Object.values(stations)) {
    station.on("track", (play) => log(`${station.key}: now playing #${play.songId} ${station.song.title}`));
  }
  const faults = new Faults();
  const tokens = createTokenStore({ mfaTokenTtlMs: () => config.mfaTokenTtlMs });
  const favorites = createFavorites(catalogue, epoch);
  let url = "";
  const baseUrl = () => url;
  // Event images live on another origin, as in production; it stays up through restart().
  const imageHost = await startImageHost({ host: config.host, port: config.imagePort });
  const imageOrigin = () => imageHost.origin;

  const gateway = new Gateway({ stations, faults, tokens, favorites, config, imageOrigin, log });
  const audio = new AudioMounts({ faults, config, epoch, log });
  const cdn = new Cdn();
  const sse = new ServerSentEvents({ stations, config });
  const profiles = createProfileOverrides();
  const graphql = createGraphql({ catalogue, stations, favorites, tokens, faults, config, log, profiles });

  const server = http.createServer();
  server.keepAliveTimeout = 5000;
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const ctx = {
    config,
    catalogue,
    stations,
    gateway,
    audio,
    cdn,
    sse,
    graphql,
    faults,
    tokens,
    favorites,
    profiles,
    log,
    baseUrl,
    imageOrigin,
    restart: (opts) => restart(opts),
  };
  const control = createControl(ctx);

  server.on("request", async (req, res) => {
    // Route on the raw path: `new URL()` would resolve `..` segments away.
    const [rawPath, rawQuery = ""] = (req.url ?? "/").split("?", 2);
    try {
      if (rawPath === "/graphql") return await graphql.handle(req, res);
      if (rawPath === "/__control" || rawPath.startsWith("/__control/"))
        return await control.handle(req, res, rawPath);
      if (MOUNTS[rawPath] && (req.method === "GET" || req.method === "HEAD")) {
        return audio.handle(req, res, rawPath, rawQuery ? `?${rawQuery}` : "");
      }
      if (rawPath === "/m3u8/jpop.m3u" || rawPath === "/m3u8/kpop.m3u") {
        res.writeHead(200, { "Content-Type": "audio/x-mpegurl; charset=utf-8", "Cache-Control": "no-cache" });
        res.end(
          playlist(
            req.headers.host ?? url.replace(/^http:\/\//, ""),
            rawPath.includes("kpop") ? "kpop" : "jpop",
          ),
        );
        return;
      }
      if (sse.handle(req, res, rawPath, new URLSearchParams(rawQuery))) return;
      if ((req.method === "GET" || req.method === "HEAD") && cdn.handle(req, res, rawPath)) return;
      if (rawPath === "/" && req.method === "GET") {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(indexPage(url));
        return;
      }
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found\n");
    } catch (error) {
      log(`error on ${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error\n");
    }
  });

  server.on("upgrade", (req, socket, head) => {
    socket.on("error", () => {});
    const rawPath = (req.url ?? "/").split("?", 1)[0];
    if (!gateway.handleUpgrade(req, socket, head, rawPath)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });

  /** Closes every connection and the listener, like a crashed process. */
  const goDown = async () => {
    const closed = new Promise((resolve) => server.close(() => resolve()));
    gateway.dropAll({ code: 1006 });
    audio.cut();
    sse.closeAll();
    graphql.destroyHung();
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  let restarting = null;
  let closed = false;
  /** Simulates a server restart: everything is dropped, then it listens on the same port again. */
  async function restart({ downMs = 0 } = {}) {
    if (closed) throw new Error("station is closed");
    restarting ??= (async () => {
      log("restart: going down");
      await goDown();
      if (downMs > 0) await sleep(downMs);
      if (!closed) await listen(port);
      log("restart: back up");
    })().finally(() => {
      restarting = null;
    });
    return restarting;
  }

  async function close() {
    if (closed) return;
    closed = true;
    for (const station of Object.values(stations)) station.stop();
    faults.clear();
    if (restarting) await restarting.catch(() => {});
    if (server.listening) await goDown();
    gateway.wss.close();
    await imageHost.close();
  }

  await listen(config.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  url = `http://${config.host}:${port}`;

  return {
    url,
    /** Origin of the event images (another port on the same host): allow it in VITE_IMAGE_ORIGINS. */
    imageOrigin: imageHost.origin,
    port,
    host: config.host,
    /** Live configuration (mutate through configure()). */
    config,
    close,
    restart,
    /** Same JSON as GET /__control/state. */
    state: control.state,
    /** Advances a station to its next song now. */
    next: (station) => control.next(station),
    /** Injects a fault, same body as POST /__control/fault. */
    fault: control.fault,
    /** Clears active faults (all, or `{id}` / `{type}`). */
    clearFaults: control.clear,
    configure: control.configure,
    reset: control.reset,
    /** Broadcasts a crafted TRACK_UPDATE, same body as POST /__control/inject (see inject.mjs). */
    inject: control.inject,
    /** Overrides a user's GraphQL profile fields, same body as POST /__control/profile. */
    profile: control.profile,
    /** Many real updates in a row, same body as POST /__control/burst. */
    burst: control.burst,
    /** Runs a GraphQL request in-process: `{query, variables?, operationName?, authorization?}`. */
    graphql: graphql.run,
    catalogue,
    stations,
    gateway,
    faults,
    tokens,
    favorites,
    audio,
    cdn,
  };
}
