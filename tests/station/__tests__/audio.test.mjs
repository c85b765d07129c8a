import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOUNTS } from "../audio.mjs";
import { describeMp3 } from "../mp3.mjs";
import { parseOggPages } from "../ogg.mjs";
import { startStation } from "../server.mjs";
import { waitFor } from "./helpers/gateway-client.mjs";
import { openStream, sleep } from "./helpers/http-stream.mjs";

const BURST = 64 * 1024;

/**
 * Checks chained Ogg as Icecast relays it: each link (song) opens with BOS and its codec headers,
 * has its own serial, counts pages from 0 with non-decreasing granules, and ends with EOS (all but
 * the link still playing). Valid CRCs throughout (parseOggPages checks them).
 */
function expectChainedOgg(bytes, magic) {
  // Cut at the last complete page: the capture ends mid-page.
  const last = bytes.lastIndexOf("OggS");
  const pages = parseOggPages(bytes.subarray(0, last));
  expect(pages.length).toBeGreaterThan(3);
  const links = [];
  for (const page of pages) {
    if (page.flags & 0x02) links.push([]);
    expect(links.length, "the stream starts with a BOS page").toBeGreaterThan(0);
    links.at(-1).push(page);
  }
  links.forEach((link, k) => {
    expect(new Set(link.map((p) => p.serial)).size).toBe(1);
    if (k > 0) expect(link[0].serial).not.toBe(links[k - 1][0].serial);
    expect(link[0].packets[0].subarray(0, magic.length).toString("latin1")).toBe(magic);
    link.forEach((page, i) => {
      expect(page.sequence).toBe(i);
      expect(Boolean(page.flags & 0x02)).toBe(i === 0);
      expect(Boolean(page.flags & 0x04)).toBe(k < links.length - 1 && i === link.length - 1);
    });
    const granules = link.map((p) => p.granule).filter((g) => g > 0n);
    for (let i = 1; i < granules.length; i++) expect(granules[i]).toBeGreaterThanOrEqual(granules[i - 1]);
  });
  return links;
}

describe("audio mounts", () => {
  let station;
  beforeAll(async () => {
    // Start listeners 25 s into the 30-32 s jingles, so the 64 KiB burst already crosses the loop.
    station = await startStation({ audioStartSeconds: 25, listenerDrift: false });
  });
  afterAll(() => station.close());

  it("serves all six mounts as endless, paced, Icecast-like responses", async () => {
    const paths = Object.keys(MOUNTS);
    const streams = await Promise.all(paths.map((p) => openStream(`${station.url}${p}`)));
    try {
      await sleep(300);
      const early = streams.map((s) => s.bytes());
      await sleep(2000);
      const late = streams.map((s) => s.bytes());
      paths.forEach((path, i) => {
        const { res } = streams[i];
        expect(res.statusCode).toBe(200);
        expect(res.headers["content-type"]).toBe(MOUNTS[path].type);
        expect(res.headers["cache-control"]).toBe("no-cache, no-store");
        expect(res.headers["content-length"]).toBeUndefined();
        expect(streams[i].ended()).toBe(false);
        // Burst first (>= 64 KiB), then real time: the jingles are <= 32 kbps, so two seconds
        // add well under 24 KB (one Vorbis page is ~1.3 s / 5 KB).
        expect(early[i]).toBeGreaterThanOrEqual(BURST);
        expect(early[i]).toBeLessThan(BURST + 16 * 1024);
        expect(late[i]).toBeGreaterThan(early[i]);
        expect(late[i] - early[i]).toBeLessThan(24 * 1024);
      });
      const open = station.state().audio.open;
      for (const path of paths) expect(open[path]).toBe(1);

      const data = Object.fromEntries(paths.map((p, i) => [p, streams[i].data()]));
      // The burst crosses the end of the song (started 25 s into a 30-32 s pass): two links at least.
      for (const path of ["/stream", "/kpop/stream"])
        expect(expectChainedOgg(data[path], "\x01vorbis").length).toBeGreaterThanOrEqual(2);
      for (const path of ["/opus", "/kpop/opus"])
        expect(expectChainedOgg(data[path], "OpusHead").length).toBeGreaterThanOrEqual(2);
      for (const path of ["/fallback", "/kpop/fallback"]) {
        const bytes = data[path];
        expect(bytes.subarray(0, 3).toString("latin1")).not.toBe("ID3");
        expect(bytes[0]).toBe(0xff);
        expect(bytes[1] & 0xe0).toBe(0xe0);
        // 64 KiB at 32 kbps is ~16 s: more than the 5-7 s left before the loop point.
        expect(describeMp3(bytes).durationSeconds).toBeGreaterThan(8);
      }
    } finally {
      for (const s of streams) s.close();
    }
    await waitFor(() => Object.values(station.state().audio.open).every((n) => n === 0));
  });

  it("ignores Range and query strings and logs every request", async () => {
    const stream = await openStream(`${station.url}/kpop/opus?_=123`, { range: "bytes=5000-" });
    try {
      expect(stream.res.statusCode).toBe(200);
      expect(stream.res.headers["content-range"]).toBeUndefined();
      await waitFor(() => stream.bytes() > 4);
      expect(stream.data().subarray(0, 4).toString("latin1")).toBe("OggS");
    } finally {
      stream.close();
    }
    const last = station.state().audio.requests.at(-1);
    expect(last).toMatchObject({ path: "/kpop/opus", query: "?_=123", status: 200, range: "bytes=5000-" });
    expect(Date.parse(last.at)).toBeLessThanOrEqual(Date.now());
  });

  it("counts a new request for every play", async () => {
    const count = () => station.state().audio.requests.filter((r) => r.path === "/fallback").length;
    const before = count();
    const first = await openStream(`${station.url}/fallback`);
    first.close();
    const second = await openStream(`${station.url}/fallback?_=${Date.now()}`);
    second.close();
    expect(count()).toBe(before + 2);
  });

  it("answers HEAD with headers only", async () => {
    const res = await fetch(`${station.url}/stream`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/ogg");
    expect(await res.text()).toBe("");
  });

  it("serves the m3u playlists", async () => {
    for (const [name, prefix] of [
      ["jpop", ""],
      ["kpop", "/kpop"],
    ]) {
      const res = await fetch(`${station.url}/m3u8/${name}.m3u`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/mpegurl/);
      const text = await res.text();
      expect(text.startsWith("#EXTM3U\n")).toBe(true);
      expect(text).toContain(`${station.url}${prefix}/stream\n`);
    }
  });
});

describe("chained Ogg songs", () => {
  // The 64 KiB burst is ~16-20 s of audio; a pass of the jingle is 30-32 s.
  it.each([
    [1, "one song per pass: the burst stays inside the first link", (n) => n === 1],
    [4, "four songs per pass: the burst crosses at least two boundaries", (n) => n >= 3],
  ])("at speed %i, %s", async (speed, _, linksOk) => {
    const station = await startStation({ speed, audioStartSeconds: 0, listenerDrift: false });
    try {
      for (const [path, magic] of [
        ["/stream", "\x01vorbis"],
        ["/opus", "OpusHead"],
      ]) {
        const stream = await openStream(`${station.url}${path}`);
        await waitFor(() => stream.bytes() >= BURST);
        stream.close();
        const links = expectChainedOgg(stream.data(), magic);
        expect(linksOk(links.length), `${path}: ${links.length} links`).toBe(true);
      }
    } finally {
      await station.close();
    }
  });
});
