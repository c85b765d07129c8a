/**
 * The gzip copies a build ships: readable by any gzip reader, no bigger than zlib's best, and never
 * used for a file they no longer match.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipForShipping, gzipMatches } from "../gzip-files.mjs";

const TEXTS: [string, Buffer][] = [
  ["a source file", readFileSync(fileURLToPath(new URL("../serve.mjs", import.meta.url)))],
  [
    "a JSON answer",
    Buffer.from(JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, title: `曲 ${i}` })))),
  ],
  ["one byte", Buffer.from("x")],
  ["nothing", Buffer.alloc(0)],
];

describe("gzipForShipping", () => {
  it.each(TEXTS)("%s comes back whole through gunzip", async (_, text) => {
    expect(gunzipSync(await gzipForShipping(text)).equals(text)).toBe(true);
  });

  it.each(TEXTS.slice(0, 2))("%s is no bigger than zlib's level 9", async (_, text) => {
    expect((await gzipForShipping(text)).length).toBeLessThanOrEqual(gzipSync(text, { level: 9 }).length);
  });
});

describe("gzipMatches", () => {
  const body = Buffer.from("const song = 'Renai Circulation';".repeat(40));
  it.each<[string, Buffer, boolean]>([
    ["the copy of this very body", gzipSync(body), true],
    ["a copy of an older body", gzipSync(Buffer.concat([body, Buffer.from("// edited")])), false],
    ["a truncated copy", gzipSync(body).subarray(0, 20), false],
    ["bytes that are not gzip", body, false],
    ["an empty file", Buffer.alloc(0), false],
  ])("%s → %s", (_, gz, expected) => {
    expect(gzipMatches(gz, body)).toBe(expected);
  });
});
