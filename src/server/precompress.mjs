/**
 * Writes `<file>.gz` beside every text file of a build, once, at the highest level. nginx serves these
 * as they are (`gzip_static on`) instead of compressing each answer again: gzipping the entry script on
 * every request held the nginx front to a few dozen answers a second. `npm start` keeps its own
 * in-memory copies (compression.mjs) and never looks at them.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { NGINX_FOLDER } from "./nginx-config.mjs";
import { COMPRESSIBLE } from "./static-files.mjs";

/** Below this, compression saves less than the headers it adds (as compression.mjs). */
const MIN_BYTES = 1024;

export async function precompressBuild(dir, top = true) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && entry.name === NGINX_FOLDER)) await precompressBuild(path, false);
    } else if (
      entry.isFile() &&
      COMPRESSIBLE.has(extname(entry.name)) &&
      (await stat(path)).size >= MIN_BYTES
    ) {
      await writeFile(`${path}.gz`, gzipSync(await readFile(path), { level: 9 }));
    }
  }
}
