// A gzip front for the app server, on 127.0.0.1: what a CDN or a reverse proxy would do in production.
// src/server/serve.mjs sends every file uncompressed; the bench measures Fast 3G both ways.

import { createServer, request } from "node:http";
import { gzipSync } from "node:zlib";

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;

/** @param {string} target e.g. "http://127.0.0.1:4173" */
export async function startCompressingProxy(target) {
  const upstream = new URL(target);
  /** Immutable assets are compressed once. */
  const cache = new Map();
  const server = createServer((req, res) => {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host, "accept-encoding": "identity" },
      },
      (up) => {
        const type = String(up.headers["content-type"] ?? "");
        const wantsGzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
        if (!wantsGzip || !COMPRESSIBLE.test(type) || req.method === "HEAD") {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          return;
        }
        const chunks = [];
        up.on("data", (chunk) => chunks.push(chunk));
        up.on("end", () => {
          const immutable = /immutable/.test(String(up.headers["cache-control"] ?? ""));
          let body = immutable ? cache.get(req.url) : undefined;
          if (!body) {
            body = gzipSync(Buffer.concat(chunks));
            if (immutable) cache.set(req.url, body);
          }
          const headers = { ...up.headers, "content-encoding": "gzip", "content-length": body.length };
          headers.vary = "Accept-Encoding";
          res.writeHead(up.statusCode ?? 200, headers);
          res.end(body);
        });
      },
    );
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
