/**
 * Brotli or gzip for text files, negotiated per request (accept-encoding.mjs), each compressed once and
 * kept: the build never changes while it is served, so the cache is bounded by the build's size. Gzip
 * comes from the build's own `.gz` copy when there is one (smaller, see gzip-files.mjs), so `npm start`
 * and the nginx front send the same bytes.
 */
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { pickEncoding } from "./accept-encoding.mjs";

/** Below this, compression saves less than the headers it adds (the build precompresses no smaller file). */
export const MIN_COMPRESSED_BYTES = 1024;

export function createCompressor() {
  const cache = new Map();
  /**
   * @param {Buffer | null} [shippedGzip] the build's gzip copy of `body`
   * @returns {{ body: Buffer, encoding: "br" | "gzip" | null }}
   */
  return function compressed(key, body, acceptEncoding, shippedGzip = null) {
    const encoding = body.length < MIN_COMPRESSED_BYTES ? null : pickEncoding(acceptEncoding);
    if (!encoding) return { body, encoding: null };
    if (encoding === "gzip" && shippedGzip) return { body: shippedGzip, encoding };
    const cacheKey = `${encoding}:${key}`;
    let out = cache.get(cacheKey);
    if (!out) {
      out =
        encoding === "br"
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 });
      cache.set(cacheKey, out);
    }
    return { body: out, encoding };
  };
}
