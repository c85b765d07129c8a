// The control API under /__control/ (JSON in, JSON out) and the same operations in-process:
//   GET  /__control/state            everything a test wants to assert on
//   POST /__control/next   {station}  next song now (broadcast TRACK_UPDATE)
//   POST /__control/fault  {type, station?, ...params}   see FAULT_TYPES below
//   POST /__control/clear  {id?, type?}                  clear active faults (all by default)
//   POST /__control/config {heartbeatMs?, speed?, autoAdvance?, startTime?, ...}
//   POST /__control/reset  {favorites?, tokens?, requests?}  clear faults and logs (and optionally more)
//   POST /__control/inject {station, song?, requester?, event?, lastPlayed?, startTime?}  crafted
//                                                        TRACK_UPDATE (see inject.mjs)
//   POST /__control/profile {username, displayName?, avatarImage?}  GraphQL profile override
//   POST /__control/burst  {station, kind?, count?, intervalMs?, wait?}   many real updates, fast
// Success: 200 `{ok: true, ...}`. Bad input: 400 `{ok: false, error}`.

import { MOUNTS } from "./audio.mjs";
import { EVENTS, gatewaySong } from "./catalogue.mjs";
import { dispatchFrame, eventObject, trackPayload } from "./frames.mjs";
import { OPERATION_ERRORS, OPERATION_FIELDS } from "./graphql-errors.mjs";
import { checkInjectSpec, craftedPayload, INJECTED_SONG_ID_BASE } from "./inject.mjs";

const STATIONS = ["jpop", "kpop"];

const GRAPHQL_MODES = ["500", "timeout", "errors", "wrong-shape", "message"];

/** "track": the next song each time; "listeners": the same song with a new listener count. */
export const BURST_KINDS = ["track", "listeners"];
export const MAX_BURST = 100_000;
/** With intervalMs 0, updates go out this many per event-loop turn, so the station stays responsive. */
const BURST_BATCH = 50;
const AUDIO_MODES = ["cut", "stall", "404", "503"];

/** Non-JSON text frames for the "malformed" fault (the empty frame included). */
export const MALFORMED_FRAMES = [
  '{"op":1,"d":{"song":',
  "not json at all",
  "",
  '{"op":1,"d":{"song":{"id":1}},"t":"TRACK_UPDATE"',
  "\u0000\u0001\u0002 garbage \uFFFD",
];

/** Valid JSON op 1 TRACK_UPDATE frames whose `d` has the wrong shape. */
export const WRONG_SHAPE_FRAMES = [
  {
    op: 1,
    d: {
      song: "not-an-object",
      requester: 5,
      event: [],
      startTime: 12345,
      lastPlayed: null,
      listeners: "many",
    },
    t: "TRACK_UPDATE",
  },
  { op: 1, d: null, t: "TRACK_UPDATE" },
  {
    op: 1,
    d: {
      song: { id: "1611", title: 42, artists: null },
      startTime: "not a date",
      lastPlayed: [{}],
      listeners: -1,
    },
    t: "TRACK_UPDATE",
  },
];

class BadRequest extends Error {}
const bad = (message) => new BadRequest(message);

const VALID_CLOSE_CODES = (code) =>
  Number.isInteger(code) &&
  ((code >= 1000 && code <= 1003) || (code >= 1006 && code <= 1014) || (code >= 3000 && code <= 4999));

function optionalNumber(value, name, { min = 0 } = {}) {
  if (value == null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min)
    throw bad(`${name} must be a number >= ${min}`);
  return value;
}

/**
 * The "message" graphql mode answers with one error in a chosen wording: production's texts are unknown
 * (issue 14), so tests try each candidate. `code` null/absent = no `extensions`; `path` false = none.
 */
function messageAnswer(spec) {
  if (typeof spec.message !== "string") throw bad("message must be a string");
  if (spec.code != null && typeof spec.code !== "string") throw bad("code must be a string");
  const status = optionalNumber(spec.status, "status") ?? 200;
  if (!Number.isInteger(status) || status < 200 || status > 599) throw bad("status must be an HTTP status");
  return { message: spec.message, code: spec.code ?? null, status, path: spec.path !== false };
}

/** Frames for the "unknown" fault: an unknown op and unknown or song-less `t` values (§2.4). */
function unknownFrames(stationKey, imageOrigin) {
  const { id, name, slug } = EVENTS[stationKey];
  return [
    { op: 7, d: { hello: "world" } },
    dispatchFrame("QUEUE_UPDATE", { queue: { inQueue: 4, inQueueByUser: 0, inQueueBeforeUser: 0 } }),
    dispatchFrame("NOTIFICATION", {
      type: "EVENT",
      event: { id, name, slug, image: eventObject(stationKey, imageOrigin).image },
    }),
    dispatchFrame("SOMETHING_NEW", { whatever: true }),
    { op: 42 },
  ];
}

/**
 * @typedef {object} FaultRun what a fault handler gets besides the spec: the station internals
 *   (`ctx` of createControl) and the parameters every fault shares, already checked
 * @property {string} type
 * @property {"jpop"|"kpop"|undefined} station
 * @property {number|undefined} durationMs
 * @property {number|undefined} count
 * @property {(station?: string) => string[]} targets the station keys a gateway fault reaches
 * @property {(key: string) => object} currentPayload
 * @property {(station: string|undefined, count: number, durationMs: number) => Promise<void>} flood
 */

function closeCode(spec, fallback) {
  const code = spec.code ?? fallback;
  if (!VALID_CLOSE_CODES(code)) throw bad("code must be 1000-1003, 1006-1014 or 3000-4999");
  return code;
}

/** A fault that lasts (`durationMs` or until `clear`) and that the gateway consults as it goes. */
const lasting = (_spec, run) => ({
  ok: true,
  fault: run.faults.add({ type: run.type, station: run.station, durationMs: run.durationMs }),
});

/** A one-shot fault that sends `framesFor(stationKey)` to the sockets of each targeted station. */
const sending = (framesFor) => (spec, run) => {
  run.faults.record(run.type, spec);
  let sent = 0;
  for (const key of run.targets(run.station))
    for (const frame of framesFor(key, spec, run)) sent += run.gateway.sendAll(key, frame);
  return { ok: true, sent };
};

/**
 * Every fault type and what it does, one entry each (the README's "Fault types" table documents
 * them). FAULT_TYPES is its keys, so the list, the dispatch and the 400 message cannot drift apart.
 * @type {Record<string, (spec: any, run: FaultRun) => unknown>}
 */
const FAULTS = {
  drop: (spec, run) => {
    const code = closeCode(spec, 1000);
    run.faults.record(run.type, spec);
    return { ok: true, closed: run.gateway.dropAll({ station: run.station, code, reason: spec.reason }) };
  },
  zombie: lasting,
  "no-ack": lasting,
  "no-welcome": lasting,
  refuse: (spec, run) => {
    const code = closeCode(spec, 1006);
    const { type, station, durationMs } = run;
    const added = run.faults.add({ type, station, durationMs, code });
    return { ok: true, fault: added, closed: run.gateway.dropAll({ station, code }) };
  },
  malformed: sending((_key, spec) => (spec.payload != null ? [String(spec.payload)] : MALFORMED_FRAMES)),
  "wrong-shape": sending(() => WRONG_SHAPE_FRAMES),
  unknown: sending((key, _spec, run) => unknownFrames(key, run.imageOrigin())),
  oversized: (spec, run) => {
    const bytes = optionalNumber(spec.bytes, "bytes", { min: 1 }) ?? 1024 * 1024;
    const frame = (key) =>
      spec.variant === "junk"
        ? `{"op":1,"d":"${"x".repeat(bytes)}`
        : JSON.stringify(
            dispatchFrame("TRACK_UPDATE", { ...run.currentPayload(key), padding: "x".repeat(bytes) }),
          );
    return { ...sending((key) => [frame(key)])(spec, run), bytes };
  },
  flood: async (spec, run) => {
    run.faults.record(run.type, spec);
    const total = run.count ?? 1000;
    const done = run.flood(run.station, total, run.durationMs ?? 1000);
    if (spec.wait) await done;
    return { ok: true, count: total };
  },
  "stale-update": (spec, run) => {
    run.faults.record(run.type, spec);
    let sent = 0;
    for (const key of run.targets(run.station))
      sent += run.gateway.sendPlay(key, run.stations[key].history[0]);
    return { ok: true, sent };
  },
  duplicate: (spec, run) => {
    run.faults.record(run.type, spec);
    for (const key of run.targets(run.station)) run.gateway.broadcast(key);
    return { ok: true };
  },
  restart: async (spec, run) => {
    const downMs = optionalNumber(spec.downMs, "downMs") ?? 0;
    run.faults.record(run.type, spec);
    await run.restart({ downMs });
    return { ok: true };
  },
  "revoke-tokens": (spec, run) => {
    run.faults.record(run.type, spec);
    return { ok: true, revoked: run.tokens.revokeAll(spec.username ?? undefined) };
  },
  graphql: (spec, run) => {
    if (!GRAPHQL_MODES.includes(spec.mode)) throw bad(`mode must be one of ${GRAPHQL_MODES.join(", ")}`);
    const hangMs = optionalNumber(spec.hangMs, "hangMs");
    const answer = spec.mode === "message" ? messageAnswer(spec) : {};
    if (spec.operation != null && typeof spec.operation !== "string") throw bad("operation must be a string");
    const { type, durationMs, count } = run;
    return {
      ok: true,
      fault: run.faults.add({
        type,
        mode: spec.mode,
        durationMs,
        count,
        ...(hangMs != null ? { hangMs } : {}),
        ...(spec.operation != null ? { operation: spec.operation } : {}),
        ...answer,
      }),
    };
  },
  // One GraphQL field answers a production-shaped error (the rest of the query still resolves).
  // The field name is kept as the fault's `mode`, so Faults.find scopes by field.
  operation: (spec, run) => {
    if (!OPERATION_FIELDS.includes(spec.field))
      throw bad(`field must be one of ${OPERATION_FIELDS.join(", ")}`);
    const error = spec.error ?? "server";
    if (!OPERATION_ERRORS[error])
      throw bad(`error must be one of ${Object.keys(OPERATION_ERRORS).join(", ")}`);
    const { type, durationMs, count } = run;
    return { ok: true, fault: run.faults.add({ type, mode: spec.field, durationMs, count, error }) };
  },
  audio: (spec, run) => {
    if (!AUDIO_MODES.includes(spec.mode)) throw bad(`mode must be one of ${AUDIO_MODES.join(", ")}`);
    if (spec.mount != null && !MOUNTS[spec.mount])
      throw bad(`mount must be one of ${Object.keys(MOUNTS).join(", ")}`);
    if (spec.mode === "cut") {
      run.faults.record(run.type, spec);
      return { ok: true, cut: run.audio.cut(spec.mount) };
    }
    const { type, durationMs, count } = run;
    return {
      ok: true,
      fault: run.faults.add({ type, mode: spec.mode, mount: spec.mount, durationMs, count }),
    };
  },
};

export const FAULT_TYPES = Object.keys(FAULTS);

/**
 * @param {object} ctx the station internals assembled by server.mjs
 */
export function createControl(ctx) {
  const { config, stations, gateway, audio, cdn, graphql, faults, tokens, favorites, profiles } = ctx;
  let injected = 0;
  const targets = (station) => (station ? [station] : STATIONS);
  const checkStation = (station) => {
    if (station != null && !STATIONS.includes(station)) throw bad('station must be "jpop" or "kpop"');
    return station ?? undefined;
  };
  const currentPayload = (key) =>
    trackPayload(stations[key], stations[key].current, {
      imageOrigin: ctx.imageOrigin(),
      startTime: config.startTime,
      lastPlayedDurations: config.lastPlayedDurations,
    });

  function next(station) {
    checkStation(station);
    if (!station) throw bad('station is required ("jpop" or "kpop")');
    stations[station].advance();
    return { ok: true, song: gatewaySong(ctx.catalogue, stations[station].song) };
  }

  function flood(station, count, durationMs) {
    const mix = (key, i) => {
      switch (i % 4) {
        case 0:
          return JSON.stringify(dispatchFrame("TRACK_UPDATE", currentPayload(key)));
        case 1:
          return '{"op":10}';
        case 2:
          return `%%garbage-${i}%%`;
        default:
          return JSON.stringify(dispatchFrame("NOISE", { i }));
      }
    };
    const batches = Math.max(1, Math.round(durationMs / 10));
    const perBatch = Math.ceil(count / batches);
    let sent = 0;
    return new Promise((resolve) => {
      const step = () => {
        for (let k = 0; k < perBatch && sent < count; k++, sent++) {
          for (const key of targets(station)) gateway.sendAll(key, mix(key, sent));
        }
        if (sent < count) setTimeout(step, 10).unref?.();
        else resolve();
      };
      step();
    });
  }

  /**
   * A burst of `count` legitimate updates on one station, `intervalMs` apart (0: as fast as the event
   * loop allows), for benchmarks. "track" advances the song each time, exactly as `next` does;
   * "listeners" raises the listener count by one and re-sends the same song (§2.9.6).
   * @param {{station: "jpop"|"kpop", kind?: "track"|"listeners", count?: number, intervalMs?: number, wait?: boolean}} spec
   */
  async function burst(spec) {
    if (!spec || typeof spec !== "object") throw bad("body must be a JSON object");
    const key = checkStation(spec.station);
    if (!key) throw bad('station is required ("jpop" or "kpop")');
    const kind = spec.kind ?? "track";
    if (!BURST_KINDS.includes(kind)) throw bad(`kind must be one of ${BURST_KINDS.join(", ")}`);
    const count = optionalNumber(spec.count, "count", { min: 1 }) ?? 100;
    if (!Number.isInteger(count) || count > MAX_BURST)
      throw bad(`count must be a whole number from 1 to ${MAX_BURST}`);
    const intervalMs = optionalNumber(spec.intervalMs, "intervalMs") ?? 0;
    const station = stations[key];
    const step =
      kind === "track"
        ? () => station.advance()
        : () => {
            station.listeners += 1;
            station.emit("listeners");
          };
    let sent = 0;
    const done = new Promise((resolve) => {
      const tick = () => {
        const batch = intervalMs > 0 ? 1 : BURST_BATCH;
        for (let k = 0; k < batch && sent < count && !station.stopped; k++, sent++) step();
        if (sent >= count || station.stopped) return resolve();
        const timer = intervalMs > 0 ? setTimeout(tick, intervalMs) : setImmediate(tick);
        timer.unref?.();
      };
      tick();
    });
    if (!spec.wait) return { ok: true, station: key, kind, count };
    await done;
    return {
      ok: true,
      station: key,
      kind,
      count: sent,
      song: gatewaySong(ctx.catalogue, station.song),
      listeners: station.listeners,
    };
  }

  /**
   * Injects a fault. Returns a JSON-able result. (`restart` resolves once the server is back.)
   * @param {{type: string, station?: "jpop"|"kpop", [key: string]: unknown}} spec
   */
  async function fault(spec) {
    if (!spec || typeof spec !== "object") throw bad("body must be a JSON object");
    const { type } = spec;
    const station = checkStation(spec.station);
    const durationMs = optionalNumber(spec.durationMs, "durationMs");
    const count = optionalNumber(spec.count, "count", { min: 1 });
    ctx.log(`fault: ${JSON.stringify(spec)}`);
    // Own keys only, so "constructor" or "toString" is an unknown type like any other.
    if (typeof type !== "string" || !Object.hasOwn(FAULTS, type))
      throw bad(`unknown fault type ${JSON.stringify(type)}; expected one of ${FAULT_TYPES.join(", ")}`);
    return FAULTS[type](spec, { ...ctx, type, station, durationMs, count, targets, currentPayload, flood });
  }

  /** Broadcasts one crafted TRACK_UPDATE to a station's sockets (see inject.mjs). */
  function inject(spec) {
    if (!spec || typeof spec !== "object") throw bad("body must be a JSON object");
    const station = checkStation(spec.station);
    if (!station) throw bad('station is required ("jpop" or "kpop")');
    const problem = checkInjectSpec(spec);
    if (problem) throw bad(problem);
    const payload = craftedPayload(currentPayload(station), spec, INJECTED_SONG_ID_BASE + ++injected);
    const sent = gateway.sendAll(station, dispatchFrame("TRACK_UPDATE", payload));
    return { ok: true, sent, payload };
  }

  /** Overrides a user's public profile fields in GraphQL answers until `reset`. */
  function profile(spec) {
    if (!spec || typeof spec !== "object") throw bad("body must be a JSON object");
    const problem = profiles.set(spec);
    if (problem) throw bad(problem);
    return { ok: true, profiles: profiles.snapshot() };
  }

  function clear(filter = {}) {
    return { ok: true, cleared: faults.clear({ id: filter.id, type: filter.type }) };
  }

  /** Changes live configuration. */
  function configure(patch) {
    if (!patch || typeof patch !== "object") throw bad("body must be a JSON object");
    const applied = {};
    for (const [key, value] of Object.entries(patch)) {
      switch (key) {
        case "heartbeatMs":
          config.heartbeatMs = optionalNumber(value, key, { min: 1 }) ?? config.heartbeatMs;
          config.heartbeatExplicit = true;
          break;
        case "heartbeatTimeoutMs":
          config.heartbeatTimeoutMs = value == null ? null : optionalNumber(value, key);
          break;
        case "speed": {
          const speed = optionalNumber(value, key, { min: Number.MIN_VALUE });
          if (speed == null) throw bad("speed must be a number > 0");
          config.speed = speed;
          for (const s of Object.values(stations)) s.setSpeed(speed);
          break;
        }
        case "autoAdvance":
          if (typeof value !== "boolean") throw bad("autoAdvance must be true or false");
          config.autoAdvance = value;
          for (const s of Object.values(stations)) s.setAutoAdvance(value);
          break;
        case "startTime":
          if (value !== "start" && value !== "end") throw bad('startTime must be "start" or "end"');
          config.startTime = value;
          break;
        case "lastPlayedDurations":
          if (!["zero", "mixed", "real"].includes(value))
            throw bad('lastPlayedDurations must be "zero", "mixed" or "real"');
          config.lastPlayedDurations = value;
          break;
        case "protocol":
          if (value !== "v2" && value !== "seed") throw bad('protocol must be "v2" or "seed"');
          config.protocol = value;
          break;
        case "cors":
          if (value !== "dev" && value !== "strict") throw bad('cors must be "dev" or "strict"');
          config.cors = value;
          break;
        case "mfaCode":
          if (!/^\d{6}$/.test(String(value))) throw bad("mfaCode must be 6 digits");
          config.mfaCode = String(value);
          break;
        case "mfaTokenTtlMs":
        case "graphqlHangMs":
        case "audioBurstBytes":
        case "audioBurstSeconds":
          config[key] = optionalNumber(value, key) ?? config[key];
          break;
        case "audioStartSeconds":
          config.audioStartSeconds = value == null ? null : optionalNumber(value, key);
          break;
        default:
          throw bad(`unknown config key ${JSON.stringify(key)}`);
      }
      applied[key] = config[key];
    }
    return { ok: true, config: applied };
  }

  function reset(opts = {}) {
    faults.clear();
    faults.history.length = 0;
    gateway.clearLog();
    audio.clearLog();
    cdn.clearLog();
    graphql.clearLog();
    profiles.reset();
    if (opts.favorites) favorites.reset();
    if (opts.tokens) tokens.revokeAll();
    if (opts.requests) graphql.ledger.reset();
    return { ok: true };
  }

  function stationState(key) {
    const station = stations[key];
    const payload = currentPayload(key);
    return {
      song: payload.song,
      titleRomaji: station.song.titleRomaji,
      startedAt: new Date(station.current.startedAt).toISOString(),
      startTime: payload.startTime,
      listeners: station.listeners,
      lastPlayed: payload.lastPlayed,
      requester: payload.requester,
      event: payload.event,
      queue: station.backgroundQueue + station.requests.length,
      speed: station.speed,
      autoAdvance: station.autoAdvance,
      payload,
    };
  }

  /** Active faults grouped by type: `{zombie: [{id, station, until, ...}], ...}` ({} when none). */
  function activeFaults() {
    const grouped = {};
    for (const f of faults.list()) {
      grouped[f.type] ??= [];
      grouped[f.type].push(f);
    }
    return grouped;
  }

  /** The snapshot served by GET /__control/state. */
  function state() {
    return {
      url: ctx.baseUrl(),
      imageOrigin: ctx.imageOrigin(),
      config: { ...config },
      stations: { jpop: stationState("jpop"), kpop: stationState("kpop") },
      sockets: gateway.counts(),
      connections: gateway.connections.slice(-100),
      audio: { open: audio.openCounts(), requests: audio.requests.slice(-200) },
      images: [...cdn.requests],
      graphql: graphql.requests.slice(-100),
      faults: activeFaults(),
      faultLog: faults.history.slice(-50),
      favorites: favorites.snapshot(),
      requestsToday: graphql.ledger.snapshot(),
      profiles: profiles.snapshot(),
    };
  }

  function reply(req, res, status, body) {
    const text = JSON.stringify(body);
    const headers = {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(text),
      "Cache-Control": "no-store",
    };
    if (config.cors === "dev" && req.headers.origin) {
      headers["Access-Control-Allow-Origin"] = req.headers.origin;
      headers.Vary = "Origin";
    }
    res.writeHead(status, headers);
    res.end(text);
  }

  async function readJson(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString("utf8").trim();
    if (!text) return {};
    try {
      return JSON.parse(text);
    } catch {
      throw bad("body is not valid JSON");
    }
  }

  /** HTTP handler for /__control/*. */
  async function handle(req, res, pathname) {
    const action = pathname.replace(/^\/__control\/?/, "");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": req.headers.origin ?? "*",
        "Access-Control-Allow-Headers": "content-type",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      });
      res.end();
      return;
    }
    try {
      if (action === "state" && req.method === "GET") return reply(req, res, 200, state());
      if (req.method !== "POST") throw bad(`${req.method} /__control/${action} is not supported`);
      const body = await readJson(req);
      switch (action) {
        case "next":
          return reply(req, res, 200, next(body.station));
        case "fault":
          if (body.type === "restart") {
            // Answer first: the restart closes every connection, this one included.
            checkStation(body.station);
            const downMs = optionalNumber(body.downMs, "downMs") ?? 0;
            reply(req, res, 200, { ok: true, restarting: true, downMs });
            res.on("finish", () =>
              setImmediate(() => fault(body).catch((e) => ctx.log(`restart failed: ${e}`))),
            );
            return;
          }
          return reply(req, res, 200, await fault(body));
        case "clear":
          return reply(req, res, 200, clear(body));
        case "config":
          return reply(req, res, 200, configure(body));
        case "reset":
          return reply(req, res, 200, reset(body));
        case "inject":
          return reply(req, res, 200, inject(body));
        case "profile":
          return reply(req, res, 200, profile(body));
        case "burst":
          return reply(req, res, 200, await burst(body));
        default:
          return reply(req, res, 404, {
            ok: false,
            error: `unknown control action ${JSON.stringify(action)}`,
          });
      }
    } catch (error) {
      if (error instanceof BadRequest) return reply(req, res, 400, { ok: false, error: error.message });
      ctx.log(`control error: ${error?.stack ?? error}`);
      return reply(req, res, 500, { ok: false, error: String(error?.message ?? error) });
    }
  }

  return { handle, next, fault, clear, configure, reset, burst, state, inject, profile };
}
