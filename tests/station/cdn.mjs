// Stand-in for cdn.listen.moe (protocol §6): /covers/, /artists/, /avatars/, /banners/, /source/
// and /events/ (event images, which the gateway sends as full URLs). Any file name gets a generated
// SVG (a gradient whose colours come from a hash of the name, plus initials), whatever its
// extension says. Raw UTF-8 and percent-encoded names both work; `..` and other prefixes are 404.

import { hashString } from "./random.mjs";

export const CDN_PREFIXES = ["covers", "artists", "avatars", "banners", "source", "events"];

const SIZES = { banners: [1200, 300] };
const LOG_LIMIT = 1000;

const escapeXml = (text) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c],
  );

/** Decodes a percent-encoded path segment; falls back to the raw text when it is not valid. */
function decodeName(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Parses a CDN request path. Returns null when it is not a servable image path.
 * @param {string} rawPath path as received (may be percent-encoded), without the query string
 */
export function parseCdnPath(rawPath) {
  const match = /^\/([a-z]+)\/+(.+)$/.exec(rawPath);
  if (!match || !CDN_PREFIXES.includes(match[1])) return null;
  const name = decodeName(match[2]);
  if (!name || name.includes("/") || name.includes("\\") || name.includes("..") || name.includes("\0"))
    return null;
  if (decodeName(rawPath).includes("..")) return null;
  return { kind: match[1], name };
}

/** Text shown on the image: initials of the name without its `_cover`/`_image` suffix. */
function label(name) {
  const base = name
    .replace(/\.[A-Za-z0-9]{2,5}$/, "")
    .replace(/[_ -](cover|image|avatar|banner|source)\b.*$/i, "")
    .replace(/[_-]+/g, " ")
    .trim();
  const words = base.split(/\s+/).filter(Boolean);
  if (words.length === 0) return "♪";
  if (/^[\p{Script=Latin}\d]/u.test(base) && words.length > 1) {
    return words
      .slice(0, 2)
      .map((w) => [...w][0].toUpperCase())
      .join("");
  }
  return [...words[0]].slice(0, 2).join("").toUpperCase();
}

/** Renders the SVG for an image kind and file name. */
export function renderImage(kind, name) {
  const [width, height] = SIZES[kind] ?? [300, 300];
  const h = hashString(`${kind}/${name}`);
  const hue = h % 360;
  const hue2 = (hue + 40 + ((h >>> 9) % 80)) % 360;
  const angle = (h >>> 17) % 360;
  const text = escapeXml(label(name));
  const caption = escapeXml(name.length > 40 ? `${name.slice(0, 39)}…` : name);
  const size = Math.round(Math.min(width, height) * 0.32);
  const round = kind === "avatars" || kind === "artists" ? ` rx="${width / 2}"` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${caption}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)">
<stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${hue2} 65% 38%)"/>
</linearGradient></defs>
<rect width="${width}" height="${height}"${round} fill="url(#g)"/>
${round ? "" : `<circle cx="${width * 0.78}" cy="${height * 0.22}" r="${Math.min(width, height) * 0.18}" fill="#fff" fill-opacity="0.12"/>\n`}<text x="50%" y="52%" text-anchor="middle" dominant-baseline="middle" font-family="sans-serif" font-weight="700" font-size="${size}" fill="#fff" fill-opacity="0.92">${text}</text>
</svg>
`;
}

export class Cdn {
  constructor() {
    /** @type {string[]} decoded paths of every image request (404s included), oldest first */
    this.requests = [];
  }

  /** Serves an image request; returns false when the path is not a CDN path at all. */
  handle(req, res, rawPath) {
    const prefix = /^\/([a-z]+)\//.exec(rawPath)?.[1];
    if (!prefix || !CDN_PREFIXES.includes(prefix)) return false;
    const parsed = parseCdnPath(rawPath);
    this.requests.push(parsed ? `/${parsed.kind}/${parsed.name}` : decodeName(rawPath));
    if (this.requests.length > LOG_LIMIT) this.requests.shift();
    if (!parsed) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found\n");
      return true;
    }
    const body = renderImage(parsed.kind, parsed.name);
    res.writeHead(200, {
      "Content-Type": "image/svg+xml",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "public, max-age=3600",
      "Access-Control-Allow-Origin": "*",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  clearLog() {
    this.requests = [];
  }
}
