/**
 * The gzip bytes a build ships. Zopfli writes a gzip stream any browser reads, 3–5 % smaller than
 * zlib's best level (the first screen's script: 89.2 → 86.0 kB), at a cost paid once per build rather
 * than per request. precompress.mjs writes them beside the build's files, nginx (`gzip_static on`) and
 * `npm start` (static-files.mjs) both send them, and the size budget counts them
 * (bench/initial-load.mjs).
 */
import { gunzipSync } from "node:zlib";
import { gzipAsync } from "@gfx/zopfli";

/**
 * Zopfli's passes per block: 5 finds all but ~40 bytes of what 15 (its default) finds in the entry
 * script, in under half the time, and every build pays it.
 */
const ZOPFLI_ITERATIONS = 5;

/** @param {Buffer} body @returns {Promise<Buffer>} */
export async function gzipForShipping(body) {
  return Buffer.from(await gzipAsync(body, { numiterations: ZOPFLI_ITERATIONS }));
}

/** Where the build keeps a file's gzip copy. */
export const gzipPathOf = (path) => `${path}.gz`;

/**
 * True when `gz` holds exactly `body`: a file edited or replaced after the build must never be
 * answered with its old compressed bytes.
 * @param {Buffer} gz
 * @param {Buffer} body
 */
export function gzipMatches(gz, body) {
  try {
    return gunzipSync(gz).equals(body);
  } catch {
    return false;
  }
}
