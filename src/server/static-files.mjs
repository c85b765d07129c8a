/**
 * Which file of the build answers a request path, and how it may be cached. One decoded, normalized
 * path decides both, so a path that only looks like an asset (`/assets/..%2findex.html`) gets the rules
 * of the file it really names. Files are read once: the build never changes while it is served.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, sep } from "node:path";
import { gzipMatches, gzipPathOf } from "./gzip-files.mjs";

export const TYPES = {
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

/** Text worth compressing; images and audio are already compressed. */
export const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".webmanifest", ".txt"]);

/** Vite puts content-hashed files here, and only those: they may be cached for good. */
const HASHED_FOLDER = `assets${sep}`;
/** Deployment config the build writes next to the site (nginx includes); not site content. */
const NOT_SERVED_FOLDER = `nginx${sep}`;

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

/**
 * @typedef {{ kind: "file", path: string, body: Buffer, type: string, cacheControl: string,
 *   compressible: boolean, gzip: Buffer | null }} StaticFile
 * @typedef {StaticFile | { kind: "app" } | { kind: "not-found" } | { kind: "bad-request" }} Lookup
 */

/** The build's gzip copy of a file (precompress.mjs), when there is one and it still matches. */
async function shippedGzip(path, body) {
  try {
    const gz = await readFile(gzipPathOf(path));
    return gzipMatches(gz, body) ? gz : null;
  } catch {
    return null;
  }
}

/** @param {string} root absolute path of the build, already resolved through symlinks */
export function createStaticFiles(root) {
  /** Existing files only, so the map is bounded by the build's size. */
  const files = new Map();

  /** @returns {Promise<Lookup>} */
  async function lookup(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return { kind: "bad-request" };
    }
    if (decoded.includes("\0")) return { kind: "bad-request" };
    const path = join(root, decoded);
    if (!path.startsWith(root + sep)) return { kind: "not-found" };
    // A path without an extension is a route of the single-page app (/kpop, /favorites, ...).
    if (!extname(path)) return { kind: "app" };
    const cached = files.get(path);
    if (cached) return cached;
    const relative = path.slice(root.length + 1);
    if (relative.startsWith(NOT_SERVED_FOLDER)) return { kind: "not-found" };
    try {
      // A symlink inside the build must not lead out of it.
      const real = await realpath(path);
      if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return { kind: "not-found" };
      const body = await readFile(real);
      const compressible = COMPRESSIBLE.has(extname(path));
      const file = {
        kind: "file",
        path: real,
        body,
        type: TYPES[extname(path)] ?? "application/octet-stream",
        cacheControl: relative.startsWith(HASHED_FOLDER) ? IMMUTABLE : REVALIDATE,
        compressible,
        gzip: compressible ? await shippedGzip(real, body) : null,
      };
      files.set(path, file);
      return file;
    } catch {
      return { kind: "not-found" };
    }
  }

  return { lookup };
}
