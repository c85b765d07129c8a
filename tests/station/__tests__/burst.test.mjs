import { describe, expect, it } from "vitest";
import { MAX_BURST } from "../control.mjs";
import { control, setUpGatewaySuite } from "./helpers/control.mjs";
import { waitFor } from "./helpers/gateway-client.mjs";
import { expectTrackPayload } from "./helpers/shapes.mjs";

const trackUpdates = (frames) => frames.filter((f) => f.json?.op === 1 && f.json.t === "TRACK_UPDATE");

describe("burst control action", () => {
  const suite = setUpGatewaySuite({ between: null });
  const { open } = suite;

  it("track: sends count TRACK_UPDATEs, each a new song that pushes the last one into lastPlayed", async () => {
    const a = await open();
    const k = await open("/kpop/gateway_v2");
    const start = a.client.frames.length;
    const res = await control(suite.station, "burst", {
      station: "jpop",
      kind: "track",
      count: 200,
      wait: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, station: "jpop", kind: "track", count: 200 });
    await waitFor(() => trackUpdates(a.client.frames.slice(start)).length === 200, 3000);
    const updates = trackUpdates(a.client.frames.slice(start)).map((f) => f.json.d);
    for (const d of updates) expectTrackPayload(d, { imageOrigin: suite.station.imageOrigin });
    let previous = a.track.d;
    for (const d of updates) {
      expect(d.song.id).not.toBe(previous.song.id);
      expect(d.lastPlayed[0].id).toBe(previous.song.id);
      expect(Date.parse(d.startTime)).toBeGreaterThanOrEqual(Date.parse(previous.startTime));
      previous = d;
    }
    expect(res.body.song.id).toBe(previous.song.id);
    expect(suite.station.state().stations.jpop.song.id).toBe(previous.song.id);
    // The other suite.station hears nothing.
    expect(trackUpdates(await k.client.collect(100))).toEqual([]);
  });

  it("listeners: same song, the listener count one higher in every frame", async () => {
    const a = await open();
    const start = a.client.frames.length;
    const before = a.track.d.listeners;
    const res = await control(suite.station, "burst", {
      station: "jpop",
      kind: "listeners",
      count: 50,
      wait: true,
    });
    expect(res.body).toMatchObject({ ok: true, kind: "listeners", count: 50, listeners: before + 50 });
    await waitFor(() => trackUpdates(a.client.frames.slice(start)).length === 50, 3000);
    const updates = trackUpdates(a.client.frames.slice(start)).map((f) => f.json.d);
    expect(updates.map((d) => d.listeners)).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
    for (const d of updates) {
      expect(d.song).toEqual(a.track.d.song);
      expect(d.startTime).toBe(a.track.d.startTime);
    }
  });

  it("intervalMs spaces the updates out; without wait it answers at once", async () => {
    const a = await open();
    const start = a.client.frames.length;
    const started = Date.now();
    const res = await control(suite.station, "burst", {
      station: "jpop",
      kind: "listeners",
      count: 5,
      intervalMs: 40,
    });
    expect(res.body).toEqual({ ok: true, station: "jpop", kind: "listeners", count: 5 });
    expect(Date.now() - started).toBeLessThan(150);
    await waitFor(() => trackUpdates(a.client.frames.slice(start)).length === 5, 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 40 - 10);
  });

  it.each([
    [{ kind: "track" }, /station is required/],
    [{ station: "rock" }, /station must be/],
    [{ station: "jpop", kind: "queue" }, /kind must be one of track, listeners/],
    [{ station: "jpop", count: 0 }, /count must be a number >= 1/],
    [{ station: "jpop", count: 1.5 }, /count must be a whole number/],
    [{ station: "jpop", count: MAX_BURST + 1 }, /count must be a whole number/],
    [{ station: "jpop", intervalMs: -1 }, /intervalMs must be a number >= 0/],
  ])("rejects %j with 400", async (body, error) => {
    const res = await control(suite.station, "burst", body);
    expect(res.status).toBe(400);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toMatch(error);
  });

  it("is available in-process as suite.station.burst()", async () => {
    const a = await open("/kpop/gateway_v2");
    const start = a.client.frames.length;
    const result = await suite.station.burst({ station: "kpop", count: 3, wait: true });
    expect(result).toMatchObject({ ok: true, station: "kpop", kind: "track", count: 3 });
    await waitFor(() => trackUpdates(a.client.frames.slice(start)).length === 3, 3000);
    expect(trackUpdates(a.client.frames.slice(start)).at(-1).json.d.song.id).toBe(result.song.id);
  });
});
