#!/usr/bin/env node
/**
 * Draws the app icons (PNG) for the web app manifest: a station-coloured rounded square with a play
 * triangle. No image tools needed: pixels are computed here and written with zlib.
 *
 *   node src/pwa/make-icons.mjs   → public/icons/*.png
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const hex = (h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

/** maskable: full-bleed background (the OS crops); otherwise a rounded square with transparent corners. */
function icon(size, [from, to], maskable) {
  const radius = maskable ? 0 : size * 0.22;
  return png(size, (x, y) => {
    const u = x / size;
    const v = y / size;
    const dx = Math.max(radius - x, x - (size - radius), 0);
    const dy = Math.max(radius - y, y - (size - radius), 0);
    if (radius && Math.hypot(dx, dy) > radius) return [0, 0, 0, 0];
    // Play triangle, centred slightly right, inside the maskable safe zone.
    const s = maskable ? 0.36 : 0.44;
    const tx = (u - 0.5) / s + 0.12;
    const ty = (v - 0.5) / s;
    const inTriangle = tx > -0.5 && tx < 0.6 && Math.abs(ty) < (0.6 - tx) * 0.55;
    return inTriangle ? [255, 255, 255, 255] : [...mix(hex(from), hex(to), (u + v) / 2), 255];
  });
}

const COLOURS = { jpop: ["#ff4f95", "#b3124f"], kpop: ["#6aa6ff", "#1d4fd0"] };
for (const [station, colours] of Object.entries(COLOURS)) {
  for (const size of [192, 512]) {
    writeFileSync(`public/icons/${station}-${size}.png`, icon(size, colours, false));
    writeFileSync(`public/icons/${station}-maskable-${size}.png`, icon(size, colours, true));
  }
}
writeFileSync("public/icons/apple-touch-icon.png", icon(180, COLOURS.jpop, true));
console.log("icons written to public/icons/");
