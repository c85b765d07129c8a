import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MALFORMED_FRAMES } from "../control.mjs";
import { startStation } from "../server.mjs";
import { control, setUpGatewaySuite } from "./helpers/control.mjs";
import { GatewayClient, waitFor, wsUrl } from "./helpers/gateway-client.mjs";
import { loginToken } from "./helpers/login.mjs";
import { expectTrackPayload } from "./helpers/shapes.mjs";

describe("gateway faults", () => {
  const suite = setUpGatewaySuite();
  const { open } = suite;

  it("drop closes the station's sockets with the default code 1000", async () => {
    const a = await open();
    const k = await open("/kpop/gateway_v2");
    const res = await control(suite.station, "fault", { type: "drop", station: "jpop" });
    expect(res).toEqual({ status: 200, body: { ok: true, closed: 1 } });
    expect((await a.client.waitClose()).code).toBe(1000);
    expect(k.client.ws.readyState).toBe(1);
  });

  it.each([4001, 4002, 4003, 4004, 4005])("drop can close with %i", async (code) => {
    const a = await open();
    await control(suite.station, "fault", { type: "drop", code });
    expect((await a.client.waitClose()).code).toBe(code);
  });

  it("drop with code 1006 cuts the TCP connection without a close frame", async () => {
    const a = await open();
    const k = await open("/kpop/gateway_v2");
    await control(suite.station, "fault", { type: "drop", code: 1006 });
    expect((await a.client.waitClose()).code).toBe(1006);
    expect((await k.client.waitClose()).code).toBe(1006);
  });

  it("zombie silences acks and updates but keeps sockets open, until it expires", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "zombie", station: "jpop", durationMs: 500 });
    a.client.send({ op: 9 });
    suite.station.next("jpop");
    a.client.send({ op: 2 });
    expect(await a.client.collect(300)).toEqual([]);
    expect(a.client.ws.readyState).toBe(1);
    await waitFor(() => Object.keys(suite.station.state().faults).length === 0, 1000);
    a.client.send({ op: 9 });
    await a.client.next((f) => f?.op === 10);
  });

  it("zombie without a duration lasts until cleared", async () => {
    const a = await open();
    const { body } = await control(suite.station, "fault", { type: "zombie" });
    expect(body.fault).toMatchObject({ type: "zombie", until: null });
    expect(suite.station.state().faults).toEqual({
      zombie: [expect.objectContaining({ id: body.fault.id })],
    });
    a.client.send({ op: 9 });
    expect(await a.client.collect(200)).toEqual([]);
    expect((await control(suite.station, "clear", { type: "zombie" })).body).toEqual({
      ok: true,
      cleared: 1,
    });
    a.client.send({ op: 9 });
    await a.client.next((f) => f?.op === 10);
  });

  it("no-ack stops op 10 but keeps TRACK_UPDATEs coming", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "no-ack" });
    a.client.send({ op: 9 });
    suite.station.next("jpop");
    const update = await a.client.nextDispatch("TRACK_UPDATE");
    expectTrackPayload(update.d);
    expect(a.client.frames.some((f) => f.json?.op === 10)).toBe(false);
  });

  it("no-welcome leaves new sockets in silence while old ones carry on", async () => {
    const old = await open();
    await control(suite.station, "fault", { type: "no-welcome", station: "jpop" });
    const fresh = await GatewayClient.connect(wsUrl(suite.station, "/gateway_v2"));
    suite.adopt(fresh);
    const kpop = await open("/kpop/gateway_v2");
    suite.station.next("jpop");
    await old.client.nextDispatch("TRACK_UPDATE");
    fresh.send({ op: 9 });
    expect(await fresh.collect(300)).toEqual([]);
    expect(kpop.welcome.op).toBe(0);
    await control(suite.station, "clear", {});
    await open();
  });

  it("refuse closes open sockets and refuses upgrades for a while", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "refuse", durationMs: 400 });
    expect((await a.client.waitClose()).code).toBe(1006);
    await expect(GatewayClient.connect(wsUrl(suite.station, "/gateway_v2"))).rejects.toThrow(/503/);
    await new Promise((resolve) => setTimeout(resolve, 450));
    await open();
  });

  it("malformed sends non-JSON text frames (and the socket stays usable)", async () => {
    const a = await open();
    const res = await control(suite.station, "fault", { type: "malformed", station: "jpop" });
    expect(res.body).toEqual({ ok: true, sent: MALFORMED_FRAMES.length });
    for (const text of MALFORMED_FRAMES) await a.client.next((_json, raw) => raw === text);
    a.client.send({ op: 9 });
    await a.client.next((f) => f?.op === 10);
  });

  it("wrong-shape sends valid JSON TRACK_UPDATEs with a bad d", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "wrong-shape" });
    const frames = [];
    for (let i = 0; i < 3; i++) frames.push(await a.client.nextDispatch("TRACK_UPDATE"));
    expect(frames[0].d.song).toBe("not-an-object");
    expect(frames[1].d).toBeNull();
    expect(frames[2].d.song.id).toBe("1611");
  });

  it("unknown sends an unknown op and unknown or song-less t values", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "unknown" });
    await a.client.next((f) => f?.op === 7);
    const queue = await a.client.nextDispatch("QUEUE_UPDATE");
    expect(queue.d).not.toHaveProperty("song");
    const notification = await a.client.nextDispatch("NOTIFICATION");
    expect(notification.d).toMatchObject({ type: "EVENT", event: { slug: "throwback" } });
    await a.client.nextDispatch("SOMETHING_NEW");
    await a.client.next((f) => f?.op === 42);
  });

  it("oversized sends a ~1 MB frame (a padded TRACK_UPDATE by default)", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "oversized" });
    const big = await a.client.nextDispatch("TRACK_UPDATE");
    expect(a.client.frames.at(-1).text.length).toBeGreaterThan(1024 * 1024);
    expect(big.d.song.id).toBe(a.track.d.song.id);
    await control(suite.station, "fault", { type: "oversized", variant: "junk", bytes: 2048 });
    const junk = await a.client.next((json, text) => json === undefined && text.length > 2048);
    expect(junk.startsWith('{"op":1,"d":"xxx')).toBe(true);
  });

  it("flood sends count frames mixing duplicates and junk over about a second", async () => {
    const a = await open();
    const start = a.client.frames.length;
    const started = Date.now();
    await control(suite.station, "fault", { type: "flood", wait: true });
    await waitFor(() => a.client.frames.length - start >= 1000, 3000);
    expect(Date.now() - started).toBeLessThan(3000);
    const frames = a.client.frames.slice(start);
    expect(frames).toHaveLength(1000);
    expect(frames.filter((f) => f.json?.t === "TRACK_UPDATE").length).toBe(250);
    expect(frames.filter((f) => f.json === undefined).length).toBe(250);
    a.client.cursor = a.client.frames.length;
    a.client.send({ op: 9 });
    await a.client.next((f) => f?.op === 10);
  });

  it("stale-update re-sends the previous song with its older startTime", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "stale-update", station: "jpop" });
    const stale = await a.client.nextDispatch("TRACK_UPDATE");
    expectTrackPayload(stale.d);
    expect(stale.d.song.id).toBe(a.track.d.lastPlayed[0].id);
    expect(stale.d.lastPlayed[0].id).toBe(a.track.d.lastPlayed[1].id);
    expect(Date.parse(stale.d.startTime)).toBeLessThan(Date.parse(a.track.d.startTime));
  });

  it("duplicate re-sends the current TRACK_UPDATE unchanged", async () => {
    const a = await open();
    await control(suite.station, "fault", { type: "duplicate" });
    const again = await a.client.nextDispatch("TRACK_UPDATE");
    expect(again).toEqual(a.track);
  });

  it("restart drops everything and listens again on the same port, keeping the song", async () => {
    const a = await open();
    const before = suite.station.state().stations.jpop.song.id;
    const res = await control(suite.station, "fault", { type: "restart" });
    expect(res.body).toMatchObject({ ok: true, restarting: true });
    expect((await a.client.waitClose()).code).toBe(1006);
    const again = await waitFor(async () => {
      try {
        return await open();
      } catch {
        return null;
      }
    });
    expect(again.track.d.song.id).toBe(before);
  });

  it("restart with downMs refuses connections until it is back", async () => {
    const restarting = suite.station.fault({ type: "restart", downMs: 400 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${suite.station.url}/__control/state`)).rejects.toThrow();
    await restarting;
    const res = await fetch(`${suite.station.url}/__control/state`);
    expect(res.status).toBe(200);
  });
});

describe("gateway faults in seed mode", () => {
  let station;
  beforeAll(async () => {
    station = await startStation({ protocol: "seed", listenerDrift: false });
  });
  afterAll(() => station.close());

  // Seed sockets with a user get their own TRACK_UPDATEs (favorite flags, queue); the faults that
  // re-send tracks must build them per socket too, not hand everyone the anonymous frame.
  it.each([
    ["duplicate", (first) => first.d.song.id],
    ["stale-update", (first) => first.d.lastPlayed[0].id],
  ])("%s reaches personalised and anonymous sockets, each in its own shape", async (type, songId) => {
    const token = await loginToken(station, "kana");
    const personal = await GatewayClient.connect(wsUrl(station, "/gateway_v2"));
    const anonymous = await GatewayClient.connect(wsUrl(station, "/gateway_v2"));
    try {
      personal.send({ op: 0, d: { auth: `Bearer ${token}` } });
      anonymous.send({ op: 0, d: { auth: "" } });
      const [first, anonymousFirst] = await Promise.all([
        personal.nextDispatch("TRACK_UPDATE"),
        anonymous.nextDispatch("TRACK_UPDATE"),
      ]);
      expect(await station.fault({ type, station: "jpop" })).toMatchObject({ ok: true });
      const [again, anonymousAgain] = await Promise.all([
        personal.nextDispatch("TRACK_UPDATE"),
        anonymous.nextDispatch("TRACK_UPDATE"),
      ]);
      expect(again.d.song.id).toBe(songId(first));
      expect(anonymousAgain.d.song.id).toBe(songId(anonymousFirst));
      expectTrackPayload(again.d, { protocol: "seed", authed: true });
      expectTrackPayload(anonymousAgain.d, { protocol: "seed", authed: false });
      const favorites = station.favorites.snapshot().kana;
      expect(again.d.song.favorite).toBe(favorites.includes(again.d.song.id));
    } finally {
      personal.close();
      anonymous.close();
    }
  });
});
