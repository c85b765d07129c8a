// Opens an endless HTTP response and records what arrives, for the audio tests.

import http from "node:http";

/**
 * @param {string} url
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{res: import("node:http").IncomingMessage, bytes: () => number, data: () => Buffer,
 *   ended: () => boolean, close: () => void}>}
 */
export function openStream(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks = [];
      let size = 0;
      let ended = false;
      res.on("data", (chunk) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        ended = true;
      });
      res.on("error", () => {});
      resolve({
        res,
        bytes: () => size,
        data: () => Buffer.concat(chunks),
        ended: () => ended,
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
