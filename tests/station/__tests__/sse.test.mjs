import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStation } from "../server.mjs";
import { waitFor } from "./helpers/gateway-client.mjs";
import { openStream } from "./helpers/http-stream.mjs";

/** Parses `event:`/`data:` blocks from an SSE capture. */
const events = (text) =>
  text
    .split("\n\n")
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: /^data: (.*)$/m.exec(block)?.[1],
    }))
    .filter((e) => e.event)
    .map((e) => ({ event: e.event, data: JSON.parse(e.data) }));

describe("server-sent events", () => {
  let station;
  beforeAll(async () => {
    station = await startStation({ listenerDrift: false });
  });
  afterAll(() => station.close());

  it("/metadata sends every mount on connect and the station's mounts on a song change", async () => {
    const stream = await openStream(`${station.url}/metadata`);
    try {
      expect(stream.res.headers["content-type"]).toMatch(/^text\/event-stream/);
      await waitFor(() => events(stream.data().toString()).length === 4);
      expect(events(stream.data().toString()).map((e) => e.data.mount)).toEqual([
        "/stream",
        "/fallback",
        "/kpop/stream",
        "/kpop/fallback",
      ]);
      station.next("kpop");
      await waitFor(() => events(stream.data().toString()).length === 6);
      const [a, b] = events(stream.data().toString()).slice(4);
      expect(a.data).toMatchObject({
        mount: "/kpop/stream",
        title: station.state().stations.kpop.song.title,
      });
      expect(b.data.mount).toBe("/kpop/fallback");
      expect(a.data.started_at).toBe(station.state().stations.kpop.startedAt);
    } finally {
      stream.close();
    }
  });

  it("/sse/queue reports the queue size of one service", async () => {
    const stream = await openStream(`${station.url}/sse/queue?service=kpop`);
    try {
      await waitFor(() => events(stream.data().toString()).length === 1);
      const [first] = events(stream.data().toString());
      expect(first).toEqual({ event: "queue", data: { service: "kpop", amount: expect.any(Number) } });
    } finally {
      stream.close();
    }
  });
});
