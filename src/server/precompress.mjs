/**
 * Writes `<file>.gz` beside every text file of a build, once, as gzip-files.mjs compresses them. nginx
 * serves these files as they are (`gzip_static on`) instead of compressing each answer again (gzipping
 * the entry script on every request held the nginx front to a few dozen answers a second), and
 * `npm start` sends the same bytes (static-files.mjs).
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { MIN_COMPRESSED_BYTES } from "./compression.mjs";
import { gzipForShipping, gzipPathOf } from "./gzip-files.mjs";
import { NGINX_FOLDER } from "./nginx-config.mjs";
import { COMPRESSIBLE } from "./static-files.mjs";

export async function precompressBuild(dir, top = true) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && entry.name === NGINX_FOLDER)) await precompressBuild(path, false);
    } else if (
      entry.isFile() &&
      COMPRESSIBLE.has(extname(entry.name)) &&
      (await stat(path)).size >= MIN_COMPRESSED_BYTES
    ) {
      await writeFile(gzipPathOf(path), await gzipForShipping(await readFile(path)));
    }
  }
}
