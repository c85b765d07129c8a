#!/usr/bin/env node
/**
 * `npm run probe-live`: read-only checks against the real LISTEN.moe for what this project only assumes
 * (README, "What is verified and what is assumed"). Run it on a machine with internet; it prints what it
 * found, one line per check. It never logs in: with PROBE_USERNAME set it sends ONE login with that
 * username and a deliberately wrong password, to record the error wording.
 *
 *   PROBE_LISTEN_ORIGIN   default https://listen.moe (tests point it at the local station)
 *   PROBE_TIMEOUT_MS      per check, default 8000
 *   PROBE_USERNAME        optional: record the wrong-password error for this account
 *   VITE_IMAGE_ORIGINS    the allow-list to compare event images with (default as in the app)
 *
 * Exit codes: 0 the checks ran (whatever they found), 2 no network (the origin cannot be reached at
 * all), 1 the probe itself broke.
 */
import { lookup } from "node:dns/promises";
import net from "node:net";
import WebSocket from "ws";
import { DEFAULT_IMAGE_ORIGINS, DEFAULT_LISTEN_ORIGIN, parseImageOrigins } from "../src/lib/endpoints.mjs";

const origin = (process.env.PROBE_LISTEN_ORIGIN || DEFAULT_LISTEN_ORIGIN).replace(/\/+$/, "");
const timeoutMs = Number(process.env.PROBE_TIMEOUT_MS) || 8_000;
const username = process.env.PROBE_USERNAME || "";
const imageOrigins = parseImageOrigins(process.env.VITE_IMAGE_ORIGINS || DEFAULT_IMAGE_ORIGINS);
/** An Origin that is not LISTEN.moe's, as a page served from anywhere else would send. */
const FOREIGN_ORIGIN = "https://probe.example";
const CONNECT_TIMEOUT_MS = Math.min(timeoutMs, 4_000);

const print = (mark, check, finding) => console.log(`${mark} ${check}: ${finding}`);

/** Can we open a TCP connection to the origin at all? Anything else is pointless without one. */
async function reachable(url) {
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  try {
    if (!net.isIP(host)) await lookup(host);
  } catch (error) {
    return `cannot resolve ${host} (${error.code ?? error.message})`;
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (reason) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
      done(`no answer from ${host}:${port} in ${CONNECT_TIMEOUT_MS} ms`),
    );
    socket.once("connect", () => done(null));
    socket.once("error", (error) =>
      done(`cannot connect to ${host}:${port} (${error.code ?? error.message})`),
    );
  });
}

/** fetch with the check's timeout; the body is left unread unless the caller reads it. */
function request(path, init = {}) {
  return fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

async function probeCors() {
  const check = "CORS for /graphql (why the /graphql proxy exists)";
  const preflight = await request("/graphql", {
    method: "OPTIONS",
    headers: {
      Origin: FOREIGN_ORIGIN,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type,authorization",
    },
  });
  const allowOrigin = preflight.headers.get("access-control-allow-origin");
  const allowHeaders = preflight.headers.get("access-control-allow-headers");
  await preflight.body?.cancel();
  const post = await request("/graphql", {
    method: "POST",
    headers: { Origin: FOREIGN_ORIGIN, "Content-Type": "application/json" },
    body: JSON.stringify({ query: "query { __typename }" }),
  });
  const postAllow = post.headers.get("access-control-allow-origin");
  await post.body?.cancel();
  const allowed = (value) => value === "*" || value === FOREIGN_ORIGIN;
  if (allowed(allowOrigin) && allowed(postAllow)) {
    print(
      "✔",
      check,
      `a foreign Origin is allowed (preflight ${preflight.status}, Allow-Origin ${allowOrigin}, Allow-Headers ${allowHeaders ?? "none"}); the proxy is optional`,
    );
  } else {
    print(
      "✘",
      check,
      `a foreign Origin is not allowed (preflight ${preflight.status}, Allow-Origin ${allowOrigin ?? "none"}; POST Allow-Origin ${postAllow ?? "none"}); the proxy is needed`,
    );
  }
}

/** Opens a stream mount, reads the headers and a first chunk, and hangs up. */
async function probeMount(check, path) {
  const response = await request(path);
  const type = response.headers.get("content-type") ?? "no content type";
  let bytes = 0;
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const { value } = await reader.read();
    bytes = value?.length ?? 0;
    await reader.cancel();
  } else {
    await response.body?.cancel();
  }
  const ok = response.ok && bytes > 0;
  print(
    ok ? "✔" : "✘",
    check,
    `HTTP ${response.status}, ${type}${ok ? `, audio flowing (${bytes} bytes in the first chunk)` : ""}`,
  );
}

/** One TRACK_UPDATE from the v2 gateway: is there an event, and where does its image live? */
function probeGateway() {
  const check = "gateway frame";
  const url = `${origin.replace(/^http/, "ws")}/gateway_v2`;
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    const finish = (mark, finding) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.terminate();
      print(mark, check, finding);
      resolve();
    };
    const timer = setTimeout(() => finish("✘", `no TRACK_UPDATE from ${url} in ${timeoutMs} ms`), timeoutMs);
    socket.on("open", () => socket.send(JSON.stringify({ op: 0, d: { auth: "" } })));
    socket.on("error", (error) => finish("✘", `${url}: ${error.message}`));
    socket.on("message", (data) => {
      let frame;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (frame.op !== 1 || frame.t !== "TRACK_UPDATE") return;
      const { event, song } = frame.d ?? {};
      if (!event) {
        finish(
          "?",
          `captured (song ${song?.id}); no event is running, so event.image is still unverified — run again during an event`,
        );
        return;
      }
      const image = typeof event.image === "string" ? event.image : null;
      let where = "no image";
      if (image) {
        try {
          const allowed = imageOrigins.includes(new URL(image).origin);
          where = `image ${image} (${allowed ? "on" : "NOT on"} VITE_IMAGE_ORIGINS ${imageOrigins.join(",")})`;
        } catch {
          where = `image ${JSON.stringify(image)} (not an absolute URL)`;
        }
      }
      finish(
        "✔",
        `captured during event "${event.name}": ${where}; song albums: ${JSON.stringify(song?.albums?.length ?? null)}; frame: ${JSON.stringify(frame).slice(0, 600)}`,
      );
    });
  });
}

/** The wording of a wrong-password answer, only for an account named in the environment. */
async function probeErrorTexts() {
  const check = "login error wording";
  if (!username) {
    print("-", check, "skipped (set PROBE_USERNAME to record the wrong-password answer for that account)");
    return;
  }
  const response = await request("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      operationName: "LoginMutation",
      query:
        "mutation LoginMutation($username: String!, $password: String!) { login(username: $username, password: $password) { mfa token } }",
      // Deliberately wrong: this probe never logs in.
      variables: { username, password: `probe-wrong-${Date.now()}` },
    }),
  });
  const body = await response.json().catch(() => null);
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const described = errors.map((e) =>
    JSON.stringify({ message: e.message, code: e.extensions?.code, path: e.path }),
  );
  print(
    errors.length > 0 ? "✔" : "✘",
    check,
    `HTTP ${response.status}; ${described.join("; ") || "no errors[]"}`,
  );
}

const CHECKS = [
  probeCors,
  () => probeMount("GET /stream?_=x (cache-busted live edge)", "/stream?_=x"),
  () => probeMount("GET /opus (still served)", "/opus"),
  probeGateway,
  probeErrorTexts,
];

async function main() {
  let url;
  try {
    url = new URL(origin);
  } catch {
    console.error(`probe-live: PROBE_LISTEN_ORIGIN "${origin}" is not a URL`);
    return 1;
  }
  const unreachable = await reachable(url);
  if (unreachable) {
    console.error(`probe-live: no network — ${origin} cannot be reached: ${unreachable}.`);
    console.error("probe-live: nothing was checked. Run it on a machine with internet access.");
    return 2;
  }
  console.log(`probe-live: read-only checks against ${origin}`);
  for (const check of CHECKS) {
    try {
      await check();
    } catch (error) {
      print("✘", check.name || "check", `failed: ${error?.cause?.code ?? error?.message ?? error}`);
    }
  }
  return 0;
}

process.exitCode = await main().catch((error) => {
  console.error(`probe-live: ${error?.stack ?? error}`);
  return 1;
});
