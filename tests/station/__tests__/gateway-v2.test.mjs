import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStation } from "../server.mjs";
import { connectV2, GatewayClient, waitFor, wsUrl } from "./helpers/gateway-client.mjs";
import { expectTrackPayload } from "./helpers/shapes.mjs";

const WELCOME_TEXT = '{"op":0,"d":{"message":"Welcome to LISTEN.moe! Enjoy your stay!","heartbeat":35000}}';

describe("v2 gateway", () => {
  /** @type {Awaited<ReturnType<typeof startStation>>} */
  let station;
  const clients = [];
  const open = async (path) => {
    const result = await connectV2(station, path);
    clients.push(result.client);
    return result;
  };

  beforeAll(async () => {
    station = await startStation({ listenerDrift: false });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await station.close();
  });

  it("sends the production welcome, then the current TRACK_UPDATE, unprompted", async () => {
    const client = await GatewayClient.connect(wsUrl(station, "/gateway_v2"));
    clients.push(client);
    await client.nextDispatch("TRACK_UPDATE");
    expect(client.frames[0].text).toBe(WELCOME_TEXT);
    const track = client.frames[1];
    expect(track.text.startsWith('{"op":1,"d":{"song":')).toBe(true);
    expect(track.text.endsWith(',"t":"TRACK_UPDATE"}')).toBe(true);
    expect(Object.keys(track.json)).toEqual(["op", "d", "t"]);
    expectTrackPayload(track.json.d, { imageOrigin: station.imageOrigin });
    expect(track.json.d.song.id).toBe(station.state().stations.jpop.song.id);
  });

  it("reports the K-pop station on /kpop/gateway_v2 with its own songs and listeners", async () => {
    const { track } = await open("/kpop/gateway_v2");
    const kpopIds = station.catalogue.stations.kpop.map((s) => s.id);
    expect(kpopIds).toContain(track.d.song.id);
    expect(track.d.lastPlayed).toHaveLength(2);
    for (const song of track.d.lastPlayed) expect(kpopIds).toContain(song.id);
    expect(track.d.listeners).toBe(station.state().stations.kpop.listeners);
    expect(/[\uac00-\ud7a3]/.test(JSON.stringify(station.catalogue.stations.kpop.map((s) => s.title)))).toBe(
      true,
    );
  });

  it("acknowledges op 9 with exactly {op:10}", async () => {
    const { client } = await open();
    client.send({ op: 9 });
    const ack = await client.next((_f, text) => text === '{"op":10}');
    expect(ack).toEqual({ op: 10 });
  });

  it("answers op 2 with TRACK_UPDATE_REQUEST to the sender only", async () => {
    const a = await open();
    const b = await open();
    a.client.send({ op: 2 });
    const reply = await a.client.nextDispatch("TRACK_UPDATE_REQUEST");
    expectTrackPayload(reply.d, { imageOrigin: station.imageOrigin });
    expect(reply.d.song.id).toBe(a.track.d.song.id);
    expect(await b.client.collect(300)).toEqual([]);
  });

  it("ignores op 0 (v1 identify) on v2 and keeps the socket open", async () => {
    const { client } = await open();
    client.send({ op: 0, d: { auth: "" } });
    client.send("this is not json");
    client.send({ op: 77 });
    expect(await client.collect(250)).toEqual([]);
    client.send({ op: 9 });
    await client.next((f) => f?.op === 10);
  });

  it("broadcasts a song change to every socket of that station only", async () => {
    const a = await open("/gateway_v2");
    const b = await open("/gateway_v2");
    const k = await open("/kpop/gateway_v2");
    const before = a.track.d.song;
    const res = await fetch(`${station.url}/__control/next`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ station: "jpop" }),
    });
    expect(res.status).toBe(200);
    const [ua, ub] = await Promise.all([
      a.client.nextDispatch("TRACK_UPDATE"),
      b.client.nextDispatch("TRACK_UPDATE"),
    ]);
    expect(ua).toEqual(ub);
    expectTrackPayload(ua.d, { imageOrigin: station.imageOrigin });
    expect(ua.d.song.id).not.toBe(before.id);
    expect(ua.d.lastPlayed[0].id).toBe(before.id);
    expect(ua.d.lastPlayed[1].id).toBe(a.track.d.lastPlayed[0].id);
    expect(Date.parse(ua.d.startTime)).toBeGreaterThan(Date.parse(a.track.d.startTime));
    expect(await k.client.collect(300)).toEqual([]);
  });

  it("re-broadcasts a same-song TRACK_UPDATE when the listener count drifts", async () => {
    const { client, track } = await open();
    station.stations.jpop.listeners = 321;
    station.stations.jpop.emit("listeners");
    const update = await client.nextDispatch("TRACK_UPDATE");
    expect(update.d.song.id).toBe(track.d.song.id);
    expect(update.d.listeners).toBe(321);
  });

  it("reports startTime as the real start by default and as start + duration in 'end' mode", async () => {
    const { client, track } = await open();
    const state = station.state().stations.jpop;
    expect(track.d.startTime).toBe(state.startedAt);
    expect(Date.parse(track.d.startTime)).toBeLessThanOrEqual(Date.now());
    station.configure({ startTime: "end" });
    try {
      client.send({ op: 2 });
      const reply = await client.nextDispatch("TRACK_UPDATE_REQUEST");
      expect(Date.parse(reply.d.startTime)).toBe(Date.parse(state.startedAt) + reply.d.song.duration * 1000);
      expect(Date.parse(reply.d.startTime)).toBeGreaterThan(Date.now());
    } finally {
      station.configure({ startTime: "start" });
    }
  });

  it("sends lastPlayed durations as 0 in 'zero' mode and real ones in 'real' mode", async () => {
    const { client } = await open();
    const durations = (d) => d.lastPlayed.map((s) => s.duration);
    station.configure({ lastPlayedDurations: "zero" });
    client.send({ op: 2 });
    expect(durations((await client.nextDispatch("TRACK_UPDATE_REQUEST")).d)).toEqual([0, 0]);
    station.configure({ lastPlayedDurations: "real" });
    client.send({ op: 2 });
    const real = (await client.nextDispatch("TRACK_UPDATE_REQUEST")).d.lastPlayed;
    expect(real.map((s) => s.duration)).toEqual(real.map((s) => station.catalogue.songs.get(s.id).duration));
    station.configure({ lastPlayedDurations: "mixed" });
  });

  it("carries requester and event objects of the documented shape over a rotation", async () => {
    const { client } = await open();
    const seen = { event: 0, requester: 0 };
    for (let i = 0; i < 18; i++) {
      station.next("jpop");
      const update = await client.nextDispatch("TRACK_UPDATE");
      expectTrackPayload(update.d, { imageOrigin: station.imageOrigin });
      if (update.d.event) seen.event++;
      if (update.d.requester) seen.requester++;
    }
    expect(seen.event).toBeGreaterThan(0);
    expect(seen.event).toBeLessThan(18);
  });

  it("serves event images from a second origin, as production's i.imgur.com", async () => {
    const { client } = await open();
    let image = null;
    for (let i = 0; i < 18 && !image; i++) {
      station.next("jpop");
      image = (await client.nextDispatch("TRACK_UPDATE")).d.event?.image ?? null;
    }
    expect(image).not.toBeNull();
    expect(new URL(image).origin).not.toBe(new URL(station.url).origin);
    const res = await fetch(image);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect((await fetch(`${station.imageOrigin}/a/b.png`)).status).toBe(404);
    expect((await fetch(`${station.imageOrigin}/..%2Fx.png`)).status).toBe(404);
  });

  it("tracks open sockets per station and logs each connection", async () => {
    const before = station.state().sockets;
    const a = await open("/gateway_v2");
    const k = await open("/kpop/gateway_v2");
    const during = station.state().sockets;
    expect(during.jpop).toBe(before.jpop + 1);
    expect(during.kpop).toBe(before.kpop + 1);
    expect(during.total).toBe(before.total + 2);
    a.client.send({ op: 9 });
    await a.client.next((f) => f?.op === 10);
    a.client.close();
    k.client.close();
    await waitFor(() => station.state().sockets.total === before.total);
    const entries = station.state().connections.slice(-2);
    expect(entries.map((e) => e.path)).toEqual(["/gateway_v2", "/kpop/gateway_v2"]);
    expect(entries[0]).toMatchObject({
      protocol: "v2",
      firstFrame: '{"op":9}',
      closeCode: 1005,
      closedBy: "client",
    });
    expect(entries[1].firstFrame).toBeNull();
    for (const e of entries) {
      expect(Date.parse(e.closedAt)).toBeGreaterThanOrEqual(Date.parse(e.openedAt));
    }
  });

  it("answers unknown gateway paths with 404", async () => {
    await expect(GatewayClient.connect(wsUrl(station, "/gateway_v3"))).rejects.toThrow(/404/);
  });
});

describe("v2 heartbeat watchdog", () => {
  let station;
  beforeAll(async () => {
    station = await startStation({ heartbeatMs: 200, listenerDrift: false });
  });
  afterAll(() => station.close());

  it("advertises the configured heartbeat and closes silent sockets with 4001", async () => {
    const quiet = await connectV2(station);
    const beating = await connectV2(station);
    expect(quiet.welcome.d.heartbeat).toBe(200);
    const timer = setInterval(() => beating.client.send({ op: 9 }), 100);
    try {
      const { code } = await quiet.client.waitClose(2000);
      expect(code).toBe(4001);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(beating.client.ws.readyState).toBe(1);
    } finally {
      clearInterval(timer);
      beating.client.close();
    }
    const entry = station.state().connections.find((e) => e.closeCode === 4001);
    expect(entry).toMatchObject({ closedBy: "server", path: "/gateway_v2" });
  });
});
