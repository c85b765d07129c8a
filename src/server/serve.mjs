#!/usr/bin/env node
/**
 * Serves a production build: static files, SPA fallback (so /kpop deep links work), and a same-origin
 * proxy for /graphql to `${VITE_LISTEN_ORIGIN}/graphql` (LISTEN.moe sends no CORS headers for it).
 * Every answer carries the security headers; memory, sockets and time per client are bounded
 * (limits.mjs).
 *
 *   node src/server/serve.mjs [--dist dist] [--port 4173] [--host 127.0.0.1]
 */
import { realpath } from "node:fs/promises";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readEndpoints } from "../lib/endpoints.mjs";
import { createCompressor } from "./compression.mjs";
import { createGraphqlProxy } from "./graphql-proxy.mjs";
import { DEFAULT_LIMITS } from "./limits.mjs";
import { createResponder } from "./responses.mjs";
import { readPolicy, securityHeaders } from "./security-headers.mjs";
import { createStaticFiles, REVALIDATE } from "./static-files.mjs";

/** The path of a request target, or null when it is not a URL at all (`//[`). */
function requestPath(target) {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}

/**
 * @param {{ dist?: string, port?: number, host?: string, listenOrigin?: string,
 *   limits?: Partial<import("./limits.mjs").Limits> }} [options]
 */
export async function startServer({
  dist = "dist",
  port = 4173,
  host = "127.0.0.1",
  listenOrigin = readEndpoints(process.env).listenOrigin,
  limits: overrides = {},
} = {}) {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  // Resolved through symlinks once, so that the files' own real paths can be checked against it.
  const root = await realpath(resolve(dist));
  const respond = createResponder(securityHeaders(await readPolicy(root)));
  const files = createStaticFiles(root);
  const compressed = createCompressor();
  const proxyGraphql = createGraphqlProxy({
    target: `${listenOrigin}/graphql`,
    limits,
    respond,
  });
  const app = await files.lookup("/index.html");
  if (app.kind !== "file") throw new Error(`No index.html in ${root}: build the app first.`);

  /** Sends a whole file, compressed when the client accepts it and the type is text. */
  function sendFile(req, res, file) {
    const out = file.compressible
      ? compressed(file.path, file.body, req.headers["accept-encoding"], file.gzip)
      : { body: file.body, encoding: null };
    respond.send(
      res,
      200,
      {
        "content-type": file.type,
        "cache-control": file.cacheControl,
        vary: "Accept-Encoding",
        ...(out.encoding ? { "content-encoding": out.encoding } : {}),
      },
      out.body,
    );
  }

  async function handle(req, res) {
    const pathname = requestPath(req.url);
    if (pathname === null) {
      respond.text(res, 400);
      return;
    }
    if (pathname === "/graphql") {
      await proxyGraphql(req, res);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      respond.text(res, 405, undefined, { allow: "GET, HEAD" });
      return;
    }
    const found = await files.lookup(pathname);
    if (found.kind === "file") sendFile(req, res, found);
    else if (found.kind === "app") sendFile(req, res, { ...app, cacheControl: REVALIDATE });
    else if (found.kind === "bad-request") respond.text(res, 400);
    else respond.text(res, 404);
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    // One bad request must never take the server down: an async listener's rejection would.
    (req, res) => {
      handle(req, res).catch(() => respond.text(res, 500));
    },
  );
  server.maxConnections = limits.maxConnections;
  server.timeout = limits.idleTimeoutMs;
  // Requests Node's parser refuses (malformed, headers too large, too slow) get the headers too.
  server.on("clientError", (error, socket) => {
    const status =
      error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    if (error.code === "ECONNRESET") socket.destroy();
    else respond.raw(socket, status);
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
