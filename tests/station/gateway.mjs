// The realtime gateways (protocol §2): /gateway_v2 and /kpop/gateway_v2 (v2: welcome right away),
// and the legacy v1 "seed" gateways /gateway and /kpop/gateway (wait for op 0 auth first; see
// seed-websocket.md). With `protocol: "seed"` the v2 paths behave like v1 too.
//
// Close codes (§2.8): 4001 heartbeat missed, 4002 invalid opcode, 4003 invalid auth,
// 4004 already authenticated, 4005 packet needs a body.
// v2 is lenient: op 0 and unknown ops are ignored, unparsable frames are ignored (v2 close codes
// are unknown in the wild). v1 is strict, as the legacy docs and clients describe it.

import { WebSocketServer } from "ws";
import { findAccount } from "./accounts.mjs";
import { dispatchFrame, OP, trackPayload, welcomeFrame } from "./frames.mjs";
import { bearerToken } from "./tokens.mjs";

/** @type {Record<string, {station: "jpop"|"kpop", legacy: boolean}>} */
export const GATEWAY_PATHS = {
  "/gateway_v2": { station: "jpop", legacy: false },
  "/kpop/gateway_v2": { station: "kpop", legacy: false },
  "/gateway": { station: "jpop", legacy: true },
  "/kpop/gateway": { station: "kpop", legacy: true },
};

export const CLOSE = Object.freeze({
  HEARTBEAT_MISSED: 4001,
  INVALID_OPCODE: 4002,
  INVALID_AUTH: 4003,
  ALREADY_AUTHED: 4004,
  PACKET_NEEDS_BODY: 4005,
});

const CLOSE_REASONS = {
  4001: "Heartbeat missed",
  4002: "Invalid opcode",
  4003: "Invalid authentication",
  4004: "Already authenticated",
  4005: "Packet needs a body",
};

const LOG_LIMIT = 200;
const SEED_DEFAULT_HEARTBEAT = 45_000;

/**
 * @typedef {object} ConnectionEntry
 * @property {number} id
 * @property {string} path
 * @property {"jpop"|"kpop"} station
 * @property {"v2"|"seed"} protocol
 * @property {string} openedAt ISO time
 * @property {string|null} closedAt
 * @property {number|null} closeCode
 * @property {string|null} closeReason
 * @property {"server"|"client"|null} closedBy
 * @property {string|null} firstFrame first frame the client sent (truncated)
 * @property {string|null} user authenticated seed user
 * @property {number} framesSent
 * @property {number} framesReceived
 */

export class Gateway {
  /**
   * @param {object} deps
   * @param {Record<"jpop"|"kpop", import("./stations.mjs").Station>} deps.stations
   * @param {import("./faults.mjs").Faults} deps.faults
   * @param {ReturnType<typeof import("./tokens.mjs").createTokenStore>} deps.tokens
   * @param {ReturnType<typeof import("./accounts.mjs").createFavorites>} deps.favorites
   * @param {object} deps.config live station configuration (protocol, heartbeatMs, startTime, ...)
   * @param {() => string} deps.imageOrigin origin of the event images
   * @param {(...args: unknown[]) => void} deps.log
   */
  constructor({ stations, faults, tokens, favorites, config, imageOrigin, log }) {
    this.stations = stations;
    this.faults = faults;
    this.tokens = tokens;
    this.favorites = favorites;
    this.config = config;
    this.imageOrigin = imageOrigin;
    this.log = log;
    this.wss = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: 64 * 1024 });
    this.clients = new Set();
    /** @type {ConnectionEntry[]} */
    this.connections = [];
    this.nextId = 1;
    for (const station of Object.values(stations)) {
      station.on("track", () => this.broadcast(station.key));
      station.on("listeners", () => this.broadcast(station.key));
    }
  }

  /** Handles an HTTP upgrade for one of the gateway paths. Returns false for other paths. */
  handleUpgrade(req, socket, head, pathname) {
    const route = GATEWAY_PATHS[pathname];
    if (!route) return false;
    if (this.faults.has("refuse", { station: route.station })) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      socket.destroy();
      this.log(`gateway: refused upgrade to ${pathname}`);
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, pathname, route));
    return true;
  }

  accept(ws, path, route) {
    const protocol = route.legacy || this.config.protocol === "seed" ? "seed" : "v2";
    const { station } = route;
    /** @type {ConnectionEntry} */
    const entry = {
      id: this.nextId++,
      path,
      station,
      protocol,
      openedAt: new Date().toISOString(),
      closedAt: null,
      closeCode: null,
      closeReason: null,
      closedBy: null,
      firstFrame: null,
      user: null,
      framesSent: 0,
      framesReceived: 0,
    };
    const client = {
      id: entry.id,
      ws,
      station,
      protocol,
      entry,
      username: null,
      identified: protocol === "v2",
      // Sockets opened during a no-welcome fault never hear anything.
      silent: this.faults.has("no-welcome", { station }),
      heartbeatMs: this.heartbeatFor(protocol),
      watchdog: null,
      closing: false,
    };
    this.clients.add(client);
    this.connections.push(entry);
    if (this.connections.length > LOG_LIMIT) this.connections.shift();
    this.log(`gateway: #${entry.id} open ${path} (${protocol})${client.silent ? " [silent]" : ""}`);

    ws.on("message", (data, isBinary) => this.onMessage(client, data, isBinary));
    ws.on("error", () => {});
    ws.on("close", (code, reason) => {
      this.clients.delete(client);
      clearTimeout(client.watchdog);
      entry.closedAt = new Date().toISOString();
      entry.closeCode = code;
      entry.closeReason = reason?.toString() || null;
      entry.closedBy ??= "client";
      this.log(`gateway: #${entry.id} closed ${code} (${entry.closedBy})`);
    });
    this.armWatchdog(client);
    if (protocol === "v2") this.greet(client);
  }

  heartbeatFor(protocol) {
    if (protocol === "seed" && !this.config.heartbeatExplicit) return SEED_DEFAULT_HEARTBEAT;
    return this.config.heartbeatMs;
  }

  /** Closes the socket with 4001 if no op 9 arrives within the heartbeat interval plus grace. */
  armWatchdog(client) {
    clearTimeout(client.watchdog);
    const timeout = this.config.heartbeatTimeoutMs ?? Math.round(client.heartbeatMs * 1.5);
    if (!timeout) return;
    client.watchdog = setTimeout(() => {
      // A zombie server does not notice anything, including missing heartbeats.
      if (this.faults.has("zombie", { station: client.station })) return this.armWatchdog(client);
      this.closeClient(client, CLOSE.HEARTBEAT_MISSED);
    }, timeout);
    client.watchdog.unref?.();
  }

  greet(client) {
    const account = client.username ? findAccount(client.username) : null;
    this.send(client, welcomeFrame({ heartbeat: client.heartbeatMs, user: account ?? undefined }));
    this.send(client, dispatchFrame("TRACK_UPDATE", this.payloadFor(client)));
  }

  payloadFor(client, play) {
    const station = this.stations[client.station];
    return trackPayload(station, play ?? station.current, {
      imageOrigin: this.imageOrigin(),
      startTime: this.config.startTime,
      lastPlayedDurations: this.config.lastPlayedDurations,
      protocol: client.protocol,
      username: client.username,
      isFavorite: (user, songId) => this.favorites.has(user, songId),
    });
  }

  onMessage(client, data, isBinary) {
    const text = isBinary ? null : data.toString();
    client.entry.framesReceived++;
    if (client.entry.firstFrame === null) {
      client.entry.firstFrame = text === null ? `<binary ${data.length} bytes>` : text.slice(0, 500);
    }
    let frame = null;
    try {
      frame = text === null ? null : JSON.parse(text);
    } catch {
      frame = null;
    }
    const op = frame && typeof frame === "object" && !Array.isArray(frame) ? frame.op : undefined;
    if (client.protocol === "v2") {
      if (op === OP.HEARTBEAT) this.heartbeat(client);
      else if (op === OP.REQUEST)
        this.send(client, dispatchFrame("TRACK_UPDATE_REQUEST", this.payloadFor(client)));
      return; // op 0, unknown ops and junk are ignored on v2
    }
    if (op === undefined) return this.closeClient(client, CLOSE.PACKET_NEEDS_BODY);
    if (op === 0) {
      if (client.identified) return this.closeClient(client, CLOSE.ALREADY_AUTHED);
      const auth = frame.d && typeof frame.d === "object" ? frame.d.auth : undefined;
      if (typeof auth !== "string") return this.closeClient(client, CLOSE.PACKET_NEEDS_BODY);
      if (auth !== "") {
        const username = this.tokens.resolve(bearerToken(auth), "session");
        if (!username) return this.closeClient(client, CLOSE.INVALID_AUTH);
        client.username = username;
        client.entry.user = username;
      }
      client.identified = true;
      this.greet(client);
      return;
    }
    if (op === OP.HEARTBEAT) return this.heartbeat(client);
    if (op === OP.REQUEST) {
      if (client.identified)
        this.send(client, dispatchFrame("TRACK_UPDATE_REQUEST", this.payloadFor(client)));
      return;
    }
    this.closeClient(client, CLOSE.INVALID_OPCODE);
  }

  heartbeat(client) {
    this.armWatchdog(client);
    if (this.faults.has("no-ack", { station: client.station })) return;
    this.send(client, { op: OP.HEARTBEAT_ACK });
  }

  /**
   * Sends a frame (object → JSON) or raw text to one client, unless the station is a zombie or the
   * socket is silent. Returns whether it was sent.
   */
  send(client, frame) {
    if (client.silent || client.ws.readyState !== 1) return false;
    if (this.faults.has("zombie", { station: client.station })) return false;
    client.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
    client.entry.framesSent++;
    return true;
  }

  /** Sockets of a station (or all). Seed sockets count only once they have identified. */
  clientsOf(station, { identifiedOnly = true } = {}) {
    return [...this.clients].filter(
      (c) => (!station || c.station === station) && (!identifiedOnly || c.identified),
    );
  }

  /** Sends TRACK_UPDATE (current song) to every socket of a station, personalised for v1 users. */
  broadcast(stationKey, t = "TRACK_UPDATE") {
    let shared = null;
    for (const client of this.clientsOf(stationKey)) {
      if (client.protocol === "seed" && client.username) {
        this.send(client, dispatchFrame(t, this.payloadFor(client)));
      } else {
        shared ??= new Map();
        if (!shared.has(client.protocol)) {
          shared.set(client.protocol, JSON.stringify(dispatchFrame(t, this.payloadFor(client))));
        }
        this.send(client, shared.get(client.protocol));
      }
    }
  }

  /** Sends a TRACK_UPDATE built for an older play (out-of-order "stale" update). */
  sendPlay(stationKey, play) {
    let count = 0;
    for (const client of this.clientsOf(stationKey)) {
      if (this.send(client, dispatchFrame("TRACK_UPDATE", this.payloadFor(client, play)))) count++;
    }
    return count;
  }

  /** Sends raw text or a frame to every identified socket of a station (or both). */
  sendAll(stationKey, frameOrText) {
    let count = 0;
    for (const client of this.clientsOf(stationKey)) if (this.send(client, frameOrText)) count++;
    return count;
  }

  closeClient(client, code, reason) {
    if (client.closing) return;
    client.closing = true;
    client.entry.closedBy = "server";
    clearTimeout(client.watchdog);
    if (code === 1006) {
      client.ws.terminate();
      return;
    }
    client.ws.close(code, reason ?? CLOSE_REASONS[code] ?? "");
    // Do not wait forever for the client's closing handshake.
    const force = setTimeout(() => client.ws.terminate(), 2000);
    force.unref?.();
  }

  /** Closes every socket (of a station) with a code; 1006 drops the TCP connection instead. */
  dropAll({ station, code = 1000, reason } = {}) {
    const victims = this.clientsOf(station, { identifiedOnly: false });
    for (const client of victims) this.closeClient(client, code, reason);
    return victims.length;
  }

  /** Per-station counts of open sockets. */
  counts() {
    const all = [...this.clients];
    const jpop = all.filter((c) => c.station === "jpop").length;
    const kpop = all.filter((c) => c.station === "kpop").length;
    return { jpop, kpop, total: all.length };
  }

  clearLog() {
    this.connections = this.connections.filter((entry) => entry.closedAt === null);
  }
}
