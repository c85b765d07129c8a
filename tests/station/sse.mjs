// The 2026 Server-Sent Events endpoints (protocol §4.5):
//   GET /metadata                       event "metadata" per mount on connect and on song change
//   GET /sse/queue?service=jpop|kpop    event "queue" with the request-queue size
// Their exact field sets are unknown in the wild; these follow the documented examples.

const MOUNTS_OF = { jpop: ["/stream", "/fallback"], kpop: ["/kpop/stream", "/kpop/fallback"] };

export class ServerSentEvents {
  /**
   * @param {object} deps
   * @param {Record<"jpop"|"kpop", import("./stations.mjs").Station>} deps.stations
   * @param {object} deps.config live configuration (cors)
   */
  constructor({ stations, config }) {
    this.stations = stations;
    this.config = config;
    /** @type {Set<{res: import("node:http").ServerResponse, kind: "metadata"|"queue", station: string|null}>} */
    this.streams = new Set();
    this.keepAlive = null;
    for (const station of Object.values(stations)) {
      station.on("track", () => this.publish(station.key));
      station.on("queue", () => this.publish(station.key, "queue"));
    }
  }

  /** Handles the SSE paths; returns false for other paths. */
  handle(req, res, pathname, searchParams) {
    let kind;
    let station = null;
    if (pathname === "/metadata") {
      kind = "metadata";
      const channel = searchParams.get("channel");
      station = channel === "jpop" || channel === "kpop" ? channel : null;
    } else if (pathname === "/sse/queue") {
      kind = "queue";
      station = searchParams.get("service") === "kpop" ? "kpop" : "jpop";
    } else {
      return false;
    }
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
      ...(this.config.cors === "dev" ? { "Access-Control-Allow-Origin": req.headers.origin ?? "*" } : {}),
    });
    res.write("retry: 5000\n\n");
    const stream = { res, kind, station };
    this.streams.add(stream);
    res.on("close", () => this.streams.delete(stream));
    for (const key of station ? [station] : ["jpop", "kpop"]) this.sendTo(stream, key);
    if (!this.keepAlive) {
      this.keepAlive = setInterval(() => {
        for (const s of this.streams) s.res.write(": keep-alive\n\n");
      }, 15_000);
      this.keepAlive.unref?.();
    }
    return true;
  }

  sendTo(stream, stationKey) {
    const station = this.stations[stationKey];
    if (stream.kind === "queue") {
      if (stream.station !== stationKey) return;
      const amount = station.backgroundQueue + station.requests.length;
      stream.res.write(`event: queue\ndata: ${JSON.stringify({ service: stationKey, amount })}\n\n`);
      return;
    }
    if (stream.station && stream.station !== stationKey) return;
    const song = station.song;
    const artist = song.artists
      .map((id) => {
        const a = station.catalogue.artists.get(id);
        return a.name ?? a.nameRomaji;
      })
      .join(", ");
    const startedAt = new Date(station.current.startedAt).toISOString();
    for (const mount of MOUNTS_OF[stationKey]) {
      const data = JSON.stringify({ mount, title: song.title, artist, started_at: startedAt });
      stream.res.write(`event: metadata\ndata: ${data}\n\n`);
    }
  }

  publish(stationKey, kind) {
    for (const stream of this.streams) if (!kind || stream.kind === kind) this.sendTo(stream, stationKey);
  }

  closeAll() {
    for (const stream of this.streams) stream.res.destroy();
    this.streams.clear();
    clearInterval(this.keepAlive);
    this.keepAlive = null;
  }
}
