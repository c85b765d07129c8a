// A small closed-loop HTTP load generator: `connections` keep-alive sockets, each sending its next
// request as soon as the last answer has been read in full, for `durationMs`. Counts answers per
// second. It runs on one thread of its own, so on a small machine it can be the limit itself: the
// figures are lower bounds for the server.

import http from "node:http";

/** One request on `agent`; resolves true for a 2xx answer read to its end. */
function once(url, { method, headers, body, agent }) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode >= 200 && res.statusCode < 300));
      res.on("error", () => resolve(false));
    });
    req.on("error", () => resolve(false));
    req.end(body);
  });
}

/**
 * @param {{ url: string, method?: string, headers?: Record<string, string>, body?: string,
 *   connections?: number, durationMs: number, warmUpMs?: number }} options
 */
export async function load({
  url,
  method = "GET",
  headers = {},
  body,
  connections = 50,
  durationMs,
  warmUpMs = 500,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const allHeaders = {
    "accept-encoding": "gzip, deflate, br, zstd",
    ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}),
    ...headers,
  };
  let counting = false;
  let ok = 0;
  let failed = 0;
  const started = Date.now();
  const measureFrom = started + warmUpMs;
  const stopAt = measureFrom + durationMs;
  async function lane() {
    while (Date.now() < stopAt) {
      const passed = await once(url, { method, headers: allHeaders, body, agent });
      if (!counting) counting = Date.now() >= measureFrom;
      if (counting && Date.now() <= stopAt) {
        if (passed) ok += 1;
        else failed += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, lane));
  agent.destroy();
  const seconds = durationMs / 1000;
  return { perSecond: Math.round(ok / seconds), ok, failed, seconds, connections };
}
