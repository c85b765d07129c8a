// What the first screen downloads: the build's index.html names the entry script, its modulepreloads
// and the stylesheets, and every static import is followed; an `import()` (React.lazy dialogs, the
// query islands) is lazy and left out. Each file counts as the gzip bytes that travel: the build's own
// `.gz` copy, which both fronts send (src/server/gzip-files.mjs), or zlib's level 9 where there is none.
// Shared by `npm run bench` and the size budget test (tests/budget/bundle-size.test.ts).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { gzipMatches, gzipPathOf } from "../src/server/gzip-files.mjs";

/**
 * The budget for all first-screen JS and CSS, gzip. It was 100 kB; the session root, region error
 * boundaries, validated stores, frame coalescing and audio-output detection (December 2026) brought
 * the first screen to 100.3 kB. Issue #16 then added index.html's inline gateway bootstrap (0.8 kB,
 * counted here since) and moved the on-demand icons out (-0.6 kB): 100.75 kB; favorites, search and
 * requests then brought it to 102.6 kB. The audio machinery as a chunk of its own fetched when idle
 * or at Play (-1.4 kB), and the whole first screen in one chunk (-2.5 kB: Rolldown had cut what lazy
 * chunks share into small files of their own): 98.75 kB. The settings and song-details dialogs' words
 * moved into their chunks (-0.4 kB): 98.3 kB; the words of the login dialog, the request errors, the
 * queue line, the heart and the account area went with their lazy code (-0.9 kB): 97.4 kB; the keyboard
 * shortcuts dialog's words and list (-0.2 kB): 97.2 kB. Counting the Zopfli copies both fronts now
 * send instead of zlib's level 9 (-3.5 kB, the same files): 93.7 kB; Tailwind no longer scanning tests
 * and docs for class names: 93.6 kB; the <audio> element made within the Play press, so Safari lets
 * the lazily loaded engine start it (+0.07 kB): 93.7 kB; the bootstrap also painting the event on air,
 * so the shell's title sits where the app's will (+0.07 kB), and the glow's rule on body::before: 93.85 kB
 * (budget 93.9). Learning what each station's startTime means, the history in the station's order,
 * the keyboard-shortcuts setting and the heart's checking state (+0.2 kB): 94.04 kB; the merge of the
 * API's history moved into the lazy query session (-0.3 kB): 93.76 kB. The aim is 85 kB, which React's runtime alone (react, react-dom/client and scheduler,
 * rendering one element: 65.2 kB with Zopfli) leaves 19 kB of for everything else; never raise it
 * quietly.
 */
export const BUDGET_BYTES = 93_900;
/** What the issue aims for. */
export const AIM_BYTES = 85_000;

const ATTRIBUTE = (name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, "i");

/**
 * `<script type="module" src>` (entries), `<link rel="modulepreload">`, `<link rel="stylesheet">`, and
 * the text of inline scripts (the gateway bootstrap), which the first screen downloads too.
 */
export function htmlAssets(html) {
  const entries = [];
  const preloads = [];
  const css = [];
  const inline = [];
  for (const [, tag, body] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const src = tag.match(ATTRIBUTE("src"))?.[1];
    if (src && /\btype\s*=\s*["']module["']/i.test(tag)) entries.push(src);
    if (!src && body.trim() !== "") inline.push(body);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = tag.match(ATTRIBUTE("rel"))?.[1]?.toLowerCase();
    const href = tag.match(ATTRIBUTE("href"))?.[1];
    if (!href) continue;
    if (rel === "modulepreload") preloads.push(href);
    if (rel === "stylesheet") css.push(href);
  }
  return { entries, preloads, css, inline };
}

/** Relative specifiers of a minified module's static imports and re-exports (never `import(...)`). */
export function staticImports(code) {
  const found = new Set();
  const patterns = [
    /(?:^|[;\s}])import\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
    /(?:^|[;\s}])import\s*[\w$*{][^;"'`()]*?from\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
    /(?:^|[;\s}])export\s*[*{][^;"'`()]*?from\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** "/assets/a.js" (site path) → file under dist; "./b.js" resolves against the importing file. */
function resolvePath(from, specifier) {
  if (specifier.startsWith("/")) return specifier.replace(/^\/+/, "");
  const base = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") base.pop();
    else if (part !== ".") base.push(part);
  }
  return base.join("/");
}

const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** The size of what a front sends for this file when the browser accepts gzip. */
function shippedGzipSize(path, buffer) {
  try {
    const gz = readFileSync(gzipPathOf(path));
    if (gzipMatches(gz, buffer)) return gz.length;
  } catch {
    // No copy (a file too small to be worth one, or a build without precompression).
  }
  return gzipSize(buffer);
}

/**
 * The first-screen files of a build in `dist`, with raw and gzip sizes.
 * @param {string} dist
 */
export function initialLoad(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const { entries, preloads, css, inline } = htmlAssets(html);
  const files = new Map();
  const add = (path, kind, via) => {
    if (files.has(path)) return false;
    const buffer = readFileSync(join(dist, path));
    files.set(path, { path, kind, via, raw: buffer.length, gzip: shippedGzipSize(join(dist, path), buffer) });
    return true;
  };
  const queue = [...entries, ...preloads].map((src) => ({ path: resolvePath("", src), via: "index.html" }));
  while (queue.length > 0) {
    const { path, via } = queue.shift();
    if (!add(path, "js", via)) continue;
    const code = readFileSync(join(dist, path), "utf8");
    for (const specifier of staticImports(code)) {
      if (/\.(m?js)$/.test(specifier)) queue.push({ path: resolvePath(path, specifier), via: path });
    }
  }
  for (const href of css) add(resolvePath("", href), "css", "index.html");
  // Counted on their own, as if they were files: in index.html they compress a little better.
  inline.forEach((body, i) => {
    const buffer = Buffer.from(body);
    const path = `index.html#inline-script-${i + 1}`;
    files.set(path, { path, kind: "js", via: "index.html", raw: buffer.length, gzip: gzipSize(buffer) });
  });
  const list = [...files.values()];
  const sum = (kind, field) =>
    list.filter((f) => kind === "all" || f.kind === kind).reduce((total, f) => total + f[field], 0);
  return {
    files: list,
    js: { raw: sum("js", "raw"), gzip: sum("js", "gzip") },
    css: { raw: sum("css", "raw"), gzip: sum("css", "gzip") },
    total: { raw: sum("all", "raw"), gzip: sum("all", "gzip") },
  };
}
