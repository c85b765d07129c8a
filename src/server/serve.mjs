#!/usr/bin/env node
/**
 * Serves a production build: static files, SPA fallback (so /kpop deep links work), and a same-origin
 * proxy for /graphql to `${VITE_LISTEN_ORIGIN}/graphql` (LISTEN.moe sends no CORS headers for it).
 *
 *   node src/server/serve.mjs [--dist dist] [--port 4173] [--host 127.0.0.1]
 */
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { readEndpoints } from "../lib/endpoints.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

const PROXY_TIMEOUT_MS = 20_000;

/** Text worth compressing; images and audio are already compressed. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".webmanifest", ".txt"]);

/** Picks brotli or gzip from Accept-Encoding, and keeps each compressed file in memory (the build never changes). */
function createCompressor() {
  const cache = new Map();
  return function compressed(key, body, acceptEncoding = "") {
    const encoding = /\bbr\b/.test(acceptEncoding) ? "br" : /\bgzip\b/.test(acceptEncoding) ? "gzip" : null;
    if (!encoding || body.length < 1024) return { body, encoding: null };
    const cacheKey = `${encoding}:${key}`;
    if (!cache.has(cacheKey)) {
      cache.set(
        cacheKey,
        encoding === "br"
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 }),
      );
    }
    return { body: cache.get(cacheKey), encoding };
  };
}
/** GraphQL requests are small; a bigger body is refused rather than buffered. */
const MAX_PROXY_BODY_BYTES = 1024 * 1024;

class RequestError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The request body, or a RequestError when it is too big; rejects when the client goes away. */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_PROXY_BODY_BYTES) throw new RequestError(413, "Request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sendError(res, status, message) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ errors: [{ message }] }));
}

/** The CSP the build was made with, written by the build into dist/csp.txt (see vite.config.ts). */
async function readPolicy(dist) {
  try {
    return (await readFile(join(dist, "csp.txt"), "utf8")).trim() || null;
  } catch {
    return null;
  }
}

function securityHeaders(policy) {
  const headers = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
  };
  if (policy) headers["Content-Security-Policy"] = policy;
  return headers;
}

async function proxyGraphql(req, res, target) {
  let body;
  try {
    body = await readBody(req);
  } catch (error) {
    // A client that hangs up mid-upload gets nothing; one that sends too much gets a 413.
    if (error instanceof RequestError) sendError(res, error.status, error.message);
    else res.destroy();
    return;
  }
  const headers = { "content-type": req.headers["content-type"] ?? "application/json" };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  let upstream;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: req.method === "POST" ? body : undefined,
      signal: AbortSignal.timeout(PROXY_TIMEOUT_MS),
    });
  } catch {
    sendError(res, 502, "The LISTEN.moe API could not be reached.");
    return;
  }
  res.writeHead(upstream.status, {
    "content-type": upstream.headers.get("content-type") ?? "application/json",
    "cache-control": "no-store",
  });
  if (!upstream.body) {
    res.end();
    return;
  }
  // An answer cut off upstream (or by the timeout) ends this response too; it must not crash the server.
  await pipeline(Readable.fromWeb(upstream.body), res).catch(() => res.destroy());
}

export async function startServer({
  dist = "dist",
  port = 4173,
  host = "127.0.0.1",
  listenOrigin = readEndpoints(process.env).listenOrigin,
} = {}) {
  const root = resolve(dist);
  const indexHtml = await readFile(join(root, "index.html"));
  const policy = await readPolicy(root);
  const graphqlTarget = `${listenOrigin}/graphql`;
  const baseHeaders = securityHeaders(policy);
  const compressed = createCompressor();

  /** Sends a whole file, compressed when the client accepts it and the type is text. */
  function sendFile(req, res, key, body, headers, compressible) {
    const out = compressible
      ? compressed(key, body, req.headers["accept-encoding"])
      : { body, encoding: null };
    res.writeHead(200, {
      ...headers,
      "content-length": out.body.length,
      vary: "Accept-Encoding",
      ...(out.encoding ? { "content-encoding": out.encoding } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : out.body);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/graphql") {
      await proxyGraphql(req, res, graphqlTarget);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let decoded;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { ...baseHeaders, "content-type": "text/plain" }).end("Bad request");
      return;
    }
    const path = normalize(join(root, decoded));
    if (path.startsWith(root + sep) && extname(path)) {
      try {
        const info = await stat(path);
        if (info.isFile()) {
          const immutable = url.pathname.startsWith("/assets/");
          const headers = {
            ...baseHeaders,
            "content-type": TYPES[extname(path)] ?? "application/octet-stream",
            "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
          };
          sendFile(req, res, path, await readFile(path), headers, COMPRESSIBLE.has(extname(path)));
          return;
        }
      } catch {
        // Fall through to 404 for missing files with an extension.
      }
      res.writeHead(404, { ...baseHeaders, "content-type": "text/plain" }).end("Not found");
      return;
    }
    // Every other path is a route of the single-page app.
    sendFile(
      req,
      res,
      "index.html",
      indexHtml,
      { ...baseHeaders, "content-type": TYPES[".html"], "cache-control": "no-cache" },
      true,
    );
  }

  // One bad request must never take the server down: an async listener's rejection would.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { "content-type": "text/plain" }).end("Internal server error");
    });
  });

  await new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, host, ready);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { dist: { type: "string" }, port: { type: "string" }, host: { type: "string" } },
  });
  const { url } = await startServer({
    dist: values.dist,
    port: Number(values.port ?? process.env.PORT ?? 4173),
    host: values.host,
  });
  console.log(`LISTEN.moe player on ${url}`);
}
