// Icecast-like endless audio mounts (protocol §5): /stream (Ogg Vorbis), /opus (Ogg Opus),
// /fallback (MP3) and the /kpop/* equivalents. Each response never ends: the jingle in ./audio is
// looped forever and paced in real time after an initial burst.
//
// Why the stream looks the way it does (checked in headless Chromium 156, see README.md):
// - Ogg is CHAINED like LISTEN.moe's Icecast mounts: every song is a new logical bitstream (a new
//   serial, BOS and the codec headers again, page sequence and granule positions from zero) and the
//   song before it ends with an EOS page. A "song" is one pass through the jingle, or 1/speed of a
//   pass when the station runs faster, so tests cross song boundaries in seconds. Players that go
//   silent at a chain boundary (reported for Firefox) therefore show up here, as they would live.
// - The burst is at least 64 KiB (Icecast's default burst-size) as well as ~3 s. At these low
//   bitrates (20-32 kbps) a 3 s burst made Chromium fire `waiting` every ~32 KB (about every
//   10 s); with 64 KiB ahead it plays without a hiccup.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeMp3 } from "./mp3.mjs";
import { describeOgg, parseOggPages, restampPage } from "./ogg.mjs";

// A path, not a URL object: a jsdom test environment replaces the global URL, which fs does not accept.
const AUDIO_DIR = join(dirname(fileURLToPath(import.meta.url)), "audio");

/** @type {Record<string, {file: string, type: string, station: "jpop"|"kpop", codec: string}>} */
export const MOUNTS = {
  "/stream": { file: "jpop.ogg", type: "audio/ogg", station: "jpop", codec: "vorbis" },
  "/opus": { file: "jpop.opus", type: "audio/ogg", station: "jpop", codec: "opus" },
  "/fallback": { file: "jpop.mp3", type: "audio/mpeg", station: "jpop", codec: "mp3" },
  "/kpop/stream": { file: "kpop.ogg", type: "audio/ogg", station: "kpop", codec: "vorbis" },
  "/kpop/opus": { file: "kpop.opus", type: "audio/ogg", station: "kpop", codec: "opus" },
  "/kpop/fallback": { file: "kpop.mp3", type: "audio/mpeg", station: "kpop", codec: "mp3" },
};

const TICK_MS = 100;
const REQUEST_LOG_LIMIT = 500;
/** Icecast disconnects listeners whose queue grows past its queue-size; so do we. */
const MAX_BUFFERED = 1024 * 1024;

/**
 * A loaded mount: `chunks(loop)` gives the pages/frames of one pass with their end times.
 * @typedef {object} Source
 * @property {Buffer[]} header bytes sent once at the start of every response
 * @property {number} duration seconds per pass
 * @property {number} count chunks per pass
 * @property {(index: number) => number} endTime end time (s) of chunk `index` within a pass
 * @property {(index: number, loop: number, state: object) => Buffer} bytes chunk bytes for a pass
 * @property {(offset: number) => number} indexAt first chunk starting at or after `offset` seconds
 * @property {(state: object, startIndex: number) => void} init per-response state
 */

/** @returns {Source} */
function loadSource(mount, config) {
  const buf = readFileSync(join(AUDIO_DIR, mount.file));
  if (mount.codec === "mp3") {
    const mp3 = describeMp3(buf);
    return {
      header: [],
      duration: mp3.durationSeconds,
      count: mp3.frames.length,
      endTime: (i) => (i + 1) * mp3.frameSeconds,
      bytes: (i) => mp3.frames[i],
      indexAt: (offset) => Math.min(mp3.frames.length - 1, Math.floor(offset / mp3.frameSeconds)),
      init: () => {},
    };
  }
  const ogg = describeOgg(buf);
  const headerPages = parseOggPages(Buffer.concat(ogg.headerPages));
  const count = ogg.dataPages.length;
  const startOf = (i) => (i === 0 ? 0 : ogg.pageEndSeconds[i - 1]);
  const granuleBefore = (i) => (i === 0 ? 0n : ogg.dataPages[i - 1].granule);
  /** Data page indices where a song (a chain link) starts: `songs` evenly spaced per pass. */
  const songStarts = (songs) =>
    new Set(Array.from({ length: songs }, (_, k) => Math.floor((k * count) / songs)));
  return {
    header: ogg.headerPages,
    duration: ogg.durationSeconds,
    count,
    endTime: (i) => ogg.pageEndSeconds[i],
    indexAt: (offset) => {
      const i = ogg.dataPages.findIndex((_, k) => startOf(k) >= offset);
      return Math.max(0, i);
    },
    // The first link starts where the listener joins, its granules re-based near zero (as if the
    // encoder had just started); sequence numbers continue after the header pages sent at once.
    init: (state, startIndex) => {
      state.sequence = ogg.headerPages.length;
      state.serial = ogg.serial;
      state.links = 0;
      state.linkLoop = 0;
      state.granuleBase = granuleBefore(startIndex);
      state.sent = false;
    },
    bytes: (i, loop, state) => {
      const starts = songStarts(Math.max(1, Math.round(config.speed ?? 1)));
      const pages = [];
      if (state.sent && starts.has(i)) {
        // A new song: a new logical bitstream, headers first, counting from zero again.
        state.links++;
        state.serial = (ogg.serial + state.links * 0x9e3779b1) >>> 0;
        state.sequence = 0;
        state.linkLoop = loop;
        state.granuleBase = granuleBefore(i);
        headerPages.forEach((page, k) => {
          pages.push(restampPage(page, state.sequence++, 0n, { serial: state.serial, bos: k === 0 }));
        });
      }
      state.sent = true;
      const shift = BigInt(loop - state.linkLoop) * ogg.loopGranule - state.granuleBase;
      const lastOfSong = starts.has((i + 1) % count);
      pages.push(
        restampPage(ogg.dataPages[i], state.sequence++, shift, { serial: state.serial, eos: lastOfSong }),
      );
      return pages.length === 1 ? pages[0] : Buffer.concat(pages);
    },
  };
}

export class AudioMounts {
  /**
   * @param {object} deps
   * @param {import("./faults.mjs").Faults} deps.faults
   * @param {object} deps.config live configuration (audioBurstBytes, audioBurstSeconds, audioStartSeconds, cors)
   * @param {number} deps.epoch station start (ms); the "live" position of each mount derives from it
   * @param {(...args: unknown[]) => void} deps.log
   */
  constructor({ faults, config, epoch, log }) {
    this.faults = faults;
    this.config = config;
    this.epoch = epoch;
    this.log = log;
    /** @type {Map<string, Source>} */
    this.sources = new Map(Object.entries(MOUNTS).map(([path, mount]) => [path, loadSource(mount, config)]));
    this.listeners = new Set();
    /** @type {{path:string, query:string, at:string, status:number, range:string|null}[]} */
    this.requests = [];
    this.ticker = null;
  }

  /** Serves GET/HEAD for a mount path. */
  handle(req, res, pathname, search) {
    const mount = MOUNTS[pathname];
    const entry = {
      path: pathname,
      query: search,
      at: new Date().toISOString(),
      status: 200,
      range: req.headers.range ?? null,
    };
    this.requests.push(entry);
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.shift();

    const failure =
      this.faults.find("audio", { mount: pathname, mode: "404" }) ??
      this.faults.find("audio", { mount: pathname, mode: "503" });
    if (failure) {
      this.faults.consume(failure);
      entry.status = Number(failure.mode);
      res.writeHead(entry.status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-cache",
      });
      res.end(entry.status === 404 ? "Mount not found\n" : "Service temporarily unavailable\n");
      return;
    }
    // Range is ignored on purpose: like Icecast, every request gets a fresh live stream.
    const headers = {
      "Content-Type": mount.type,
      "Cache-Control": "no-cache, no-store",
      Pragma: "no-cache",
      Expires: "Mon, 26 Jul 1997 05:00:00 GMT",
      Connection: "close",
      Server: "Icecast 2.4.4 (LISTEN.moe station)",
      "icy-name": mount.station === "jpop" ? "LISTEN.moe (J-pop)" : "LISTEN.moe (K-pop)",
      "icy-description": "Local LISTEN.moe station jingle",
      "icy-genre": mount.station === "jpop" ? "J-pop" : "K-pop",
      "icy-pub": "0",
    };
    if (this.config.cors === "dev") headers["Access-Control-Allow-Origin"] = "*";
    res.writeHead(200, headers);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    res.socket?.setNoDelay(true);
    this.start(req, res, pathname);
  }

  start(req, res, pathname) {
    const source = this.sources.get(pathname);
    const configured = this.config.audioStartSeconds;
    const live =
      configured != null
        ? configured % source.duration
        : ((Date.now() - this.epoch) / 1000) % source.duration;
    const startIndex = source.indexAt(live);
    const listener = {
      pathname,
      req,
      res,
      source,
      state: {},
      index: startIndex,
      loop: 0,
      // Stream time (s) already covered by what was sent, measured from this response's start.
      sentUntil: 0,
      offset: startIndex === 0 ? 0 : source.endTime(startIndex - 1),
      bytesSent: 0,
      startedAt: Date.now(),
      lead: null,
      stalledSince: null,
    };
    source.init(listener.state, startIndex);
    for (const page of source.header) this.write(listener, page);
    this.listeners.add(listener);
    res.on("close", () => this.listeners.delete(listener));
    this.pump(listener);
    if (!this.ticker) {
      this.ticker = setInterval(() => this.tick(), TICK_MS);
      this.ticker.unref?.();
    }
  }

  write(listener, bytes) {
    listener.res.write(bytes);
    listener.bytesSent += bytes.length;
  }

  /** Sends every chunk that is due: the burst first, then in real time. */
  pump(listener) {
    const { source, res } = listener;
    if (res.destroyed || res.writableEnded) return;
    if (this.faults.has("audio", { mount: listener.pathname, mode: "stall" })) {
      listener.stalledSince ??= Date.now();
      return;
    }
    if (listener.stalledSince !== null) {
      // Resume where it stopped, without a catch-up burst.
      listener.startedAt += Date.now() - listener.stalledSince;
      listener.stalledSince = null;
    }
    if (res.writableLength > MAX_BUFFERED) {
      this.log(`audio: dropping slow listener on ${listener.pathname}`);
      res.destroy();
      return;
    }
    const elapsed = (Date.now() - listener.startedAt) / 1000;
    const burstBytes = this.config.audioBurstBytes;
    const burstSeconds = this.config.audioBurstSeconds;
    for (let guard = 0; guard < 10_000; guard++) {
      const end = listener.loop * source.duration + source.endTime(listener.index) - listener.offset;
      if (listener.lead === null) {
        if (listener.bytesSent >= burstBytes && listener.sentUntil >= burstSeconds) {
          listener.lead = listener.sentUntil;
        } else {
          this.sendChunk(listener, end);
          continue;
        }
      }
      if (end - listener.lead > elapsed) break;
      this.sendChunk(listener, end);
    }
  }

  sendChunk(listener, end) {
    const { source } = listener;
    this.write(listener, source.bytes(listener.index, listener.loop, listener.state));
    listener.sentUntil = end;
    listener.index++;
    if (listener.index >= source.count) {
      listener.index = 0;
      listener.loop++;
    }
  }

  tick() {
    for (const listener of this.listeners) this.pump(listener);
    if (this.listeners.size === 0) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  /** Destroys open responses (all, or one mount's): an abrupt network cut. */
  cut(mount) {
    let count = 0;
    for (const listener of [...this.listeners]) {
      if (mount && listener.pathname !== mount) continue;
      listener.res.destroy();
      this.listeners.delete(listener);
      count++;
    }
    return count;
  }

  /** Open responses per mount. */
  openCounts() {
    const counts = Object.fromEntries(Object.keys(MOUNTS).map((m) => [m, 0]));
    for (const listener of this.listeners) counts[listener.pathname]++;
    return counts;
  }

  clearLog() {
    this.requests = [];
  }
}
