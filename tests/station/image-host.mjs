// A second origin for event images. Production sends `event.image` as an absolute URL on another host
// (the Android capture has "https://i.imgur.com/G3nzMLQ.png"), so the station serves its event images
// from a listener of its own on another port: a different origin from the CDN, as in production.
// Any one-segment path gets a generated SVG (see cdn.mjs); everything else is 404.

import http from "node:http";
import { renderImage } from "./cdn.mjs";

const LOG_LIMIT = 1000;

/**
 * @param {{host: string, port?: number}} options
 * @returns {Promise<{origin: string, requests: string[], clearLog(): void, close(): Promise<void>}>}
 */
export async function startImageHost({ host, port = 0 }) {
  /** @type {string[]} decoded paths of every request, oldest first */
  let requests = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const rawPath = (req.url ?? "/").split("?", 1)[0];
    let name = null;
    try {
      name = /^\/([^/]+)$/.exec(rawPath) ? decodeURIComponent(rawPath.slice(1)) : null;
    } catch {
      name = null;
    }
    requests.push(name ?? rawPath);
    if (requests.length > LOG_LIMIT) requests.shift();
    if (!name || name.includes("..") || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found\n");
      return;
    }
    const body = renderImage("events", name);
    res.writeHead(200, {
      "Content-Type": "image/svg+xml",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "public, max-age=3600",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const origin = `http://${host}:${typeof address === "object" && address ? address.port : port}`;
  return {
    origin,
    get requests() {
      return requests;
    },
    clearLog() {
      requests = [];
    },
    close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      for (const socket of sockets) socket.destroy();
      return closed.then(() => undefined);
    },
  };
}
