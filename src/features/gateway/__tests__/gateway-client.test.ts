import { ws } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { gatewayUrl } from "@/lib/config";
import type { TrackUpdate } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { ACK, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { type ConnectionStatus, createGatewayClient, type GatewayClient } from "../gateway-client";
import { ackTimeoutMs, CLIENT_CLOSE_CODE, RECONNECT_BASE_MS, RECONNECT_MAX_MS } from "../protocol";

const HEARTBEAT = 10_000;
const jpop = ws.link(gatewayUrl("jpop"));
const kpop = ws.link(gatewayUrl("kpop"));

interface Harness {
  client: GatewayClient;
  statuses: ConnectionStatus[];
  tracks: { station: StationId; update: TrackUpdate }[];
  dropped: string[];
  droppedFields: string[];
}

function harness(): Harness {
  const h: Omit<Harness, "client"> = { statuses: [], tracks: [], dropped: [], droppedFields: [] };
  const client = createGatewayClient({
    urlFor: gatewayUrl,
    random: () => 0,
    listener: {
      status: (s) => h.statuses.push(s),
      track: (station, update) => h.tracks.push({ station, update }),
      droppedFrame: (_station, reason) => h.dropped.push(reason),
      droppedField: (_station, field) => h.droppedFields.push(field),
    },
  });
  return { ...h, client };
}

/** A production-like v2 gateway: welcome and a track on connect, acks on op 9 unless told not to. */
function productionGateway(
  link: typeof jpop,
  options: {
    ack?: () => boolean;
    received?: string[];
    song?: number;
    closes?: number[];
    open?: Set<unknown>;
  } = {},
) {
  return link.addEventListener("connection", ({ client }) => {
    options.open?.add(client);
    client.addEventListener("close", () => options.open?.delete(client));
    client.send(welcome(HEARTBEAT));
    client.send(trackUpdate(rawSong(options.song ?? 1, "First")));
    client.addEventListener("message", (event) => {
      const data = String(event.data);
      options.received?.push(data);
      if (JSON.parse(data).op === 9 && (options.ack?.() ?? true)) client.send(ACK);
    });
    client.addEventListener("close", (event) => options.closes?.push(event.code));
  });
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});

let active: GatewayClient | null = null;
afterEach(() => {
  active?.stop();
  active = null;
});

describe("gateway client", () => {
  it("[GW-1] identifies, beats at once on welcome, then every interval while acked", async () => {
    const received: string[] = [];
    server.use(productionGateway(jpop, { received }));
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    await flush();

    expect(received[0]).toBe('{"op":0,"d":{"auth":""}}');
    expect(received[1]).toBe('{"op":9}');
    expect(h.statuses.at(-1)).toEqual({ kind: "live", station: "jpop" });
    expect(h.tracks.map((t) => t.update.song.id)).toEqual([1]);

    await vi.advanceTimersByTimeAsync(HEARTBEAT * 3);
    expect(received.filter((m) => m === '{"op":9}')).toHaveLength(4);
  });

  it("[GW-2] closes a zombie socket and reconnects with backoff when op 10 stops arriving", async () => {
    let acking = true;
    let connections = 0;
    const closes: number[] = [];
    server.use(
      jpop.addEventListener("connection", () => {
        connections++;
      }),
      productionGateway(jpop, { ack: () => acking, closes }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    expect(connections).toBe(1);

    acking = false;
    await vi.advanceTimersByTimeAsync(HEARTBEAT + ackTimeoutMs(HEARTBEAT) + 1);
    expect(closes).toEqual([CLIENT_CLOSE_CODE]);
    expect(h.statuses.some((s) => s.kind === "reconnecting")).toBe(true);

    acking = true;
    await vi.advanceTimersByTimeAsync(RECONNECT_BASE_MS);
    expect(connections).toBe(2);
    expect(h.statuses.at(-1)).toEqual({ kind: "live", station: "jpop" });
  });

  it("[GW-2b] detects a zombie even when beats come faster than the ack deadline", async () => {
    const closes: number[] = [];
    let acking = true;
    server.use(
      jpop.addEventListener("connection", ({ client }) => {
        client.send(welcome(2_000));
        client.addEventListener("message", (event) => {
          if (JSON.parse(String(event.data)).op === 9 && acking) client.send(ACK);
        });
        client.addEventListener("close", (event) => closes.push(event.code));
      }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    acking = false;
    await vi.advanceTimersByTimeAsync(2_000 + ackTimeoutMs(2_000) + 1);
    expect(closes).toEqual([CLIENT_CLOSE_CODE]);
  });

  it("[GW-3] drops and counts malformed frames, and keeps going", async () => {
    server.use(
      jpop.addEventListener("connection", ({ client }) => {
        client.send(welcome(HEARTBEAT));
        client.send("{oops");
        client.send('{"op":1,"t":"TRACK_UPDATE","d":{"song":"nope"}}');
        client.send('{"op":42}');
        client.send('{"op":1,"t":"QUEUE_UPDATE","d":{}}');
        client.send(trackUpdate(rawSong(5, "Fine")));
      }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    expect(h.dropped).toEqual(["malformed JSON", "bad TRACK_UPDATE payload"]);
    expect(h.tracks.map((t) => t.update.song.id)).toEqual([5]);
    expect(h.statuses.at(-1)?.kind).toBe("live");
  });

  it("[GW-4] switching station closes the old socket first and never lets it speak again", async () => {
    const jpopCloses: number[] = [];
    const jpopOpen = new Set<unknown>();
    const kpopOpen = new Set<unknown>();
    server.use(
      productionGateway(jpop, { song: 1, closes: jpopCloses, open: jpopOpen }),
      productionGateway(kpop, { song: 2, open: kpopOpen }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    const [oldSocket] = [...jpopOpen] as { send(data: string): void }[];

    h.client.start("kpop");
    await flush();
    expect(jpopCloses).toEqual([1000]);
    expect(jpopOpen.size).toBe(0);
    expect(kpopOpen.size).toBe(1);

    // A frame the old server had in flight must not reach the new station.
    oldSocket.send(trackUpdate(rawSong(99, "Late")));
    await flush();
    expect(h.tracks.map((t) => [t.station, t.update.song.id])).toEqual([
      ["jpop", 1],
      ["kpop", 2],
    ]);
  });

  it("[GW-5] stop leaves no timers, no sockets and no reconnects", async () => {
    const open = new Set<unknown>();
    server.use(productionGateway(jpop, { open }));
    const h = harness();
    h.client.start("jpop");
    await flush();
    expect(open.size).toBe(1);
    h.client.stop();
    await flush();
    expect(vi.getTimerCount()).toBe(0);
    expect(open.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.statuses.at(-1)).toEqual({ kind: "idle" });
  });

  it("[GW-6] reconnects with growing delays while the server keeps closing, up to the cap", async () => {
    const connectedAt: number[] = [];
    server.use(
      jpop.addEventListener("connection", ({ client }) => {
        connectedAt.push(Date.now());
        client.close(4001, "heartbeat missed");
      }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    // Long enough for the delays to reach the cap and stay there for a few attempts.
    await vi.advanceTimersByTimeAsync(RECONNECT_MAX_MS * 6);

    const gaps = connectedAt.slice(1).map((at, i) => at - connectedAt[i]);
    const capped = gaps.findIndex((gap, i) => gap === gaps[i + 1]);
    expect(capped).toBeGreaterThan(2);
    const growing = gaps.slice(0, capped + 1);
    const atCap = gaps.slice(capped);
    // Each delay before the cap is longer than the one before it (doubling, with jitter at 0 here).
    for (const [i, gap] of growing.slice(1).entries()) expect(gap).toBeGreaterThan(growing[i]);
    expect(growing[0]).toBeLessThanOrEqual(RECONNECT_BASE_MS);
    expect(new Set(atCap).size).toBe(1);
    expect(atCap.length).toBeGreaterThan(2);
    expect(atCap[0]).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    const attempts = h.statuses.flatMap((s) => (s.kind === "reconnecting" ? [s.attempt] : []));
    expect(attempts).toEqual(attempts.map((_, i) => i + 1));
  });

  /** The auth of each identify the server received, closing the first socket with `code`. */
  async function identifiesAfterClose(code: number, auth: string, then?: (client: GatewayClient) => void) {
    const identifies: string[] = [];
    server.use(
      jpop.addEventListener("connection", ({ client }) => {
        client.addEventListener("message", (event) => {
          const frame = JSON.parse(String(event.data));
          if (frame.op !== 0) return;
          identifies.push(frame.d.auth);
          if (identifies.length === 1) client.close(code, "closed by the test");
          else client.send(welcome(HEARTBEAT));
        });
      }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop", auth);
    await flush();
    await vi.advanceTimersByTimeAsync(RECONNECT_BASE_MS);
    then?.(h.client);
    await flush();
    return identifies;
  }

  it.each([
    [4003, "Bearer t1", ["Bearer t1", ""]],
    [4004, "Bearer t1", ["Bearer t1", ""]],
    [4003, "", ["", ""]],
    [4001, "Bearer t1", ["Bearer t1", "Bearer t1"]],
    [4005, "Bearer t1", ["Bearer t1", "Bearer t1"]],
    [1000, "Bearer t1", ["Bearer t1", "Bearer t1"]],
  ])(
    "[GW-7] after a close with %i, identifying with %j, the next identify is as expected",
    async (code, auth, expected) => {
      expect(await identifiesAfterClose(code, auth)).toEqual(expected);
    },
  );

  it("[GW-8] a refused token stays refused when the session asks for it again", async () => {
    const identifies = await identifiesAfterClose(4003, "Bearer t1", (client) =>
      client.start("jpop", "Bearer t1"),
    );
    expect(identifies).toEqual(["Bearer t1", ""]);
  });

  it("[GW-9] a new token after a refused one is tried", async () => {
    const identifies = await identifiesAfterClose(4003, "Bearer t1", (client) =>
      client.start("jpop", "Bearer t2"),
    );
    expect(identifies).toEqual(["Bearer t1", "", "Bearer t2"]);
  });

  it("[GW-10] uses a frame whose event image is from a host not allowed, and reports the field", async () => {
    const event = { id: 1, name: "Event", slug: "e", presence: null, image: "https://evil.example/x.png" };
    server.use(
      jpop.addEventListener("connection", ({ client }) => {
        client.send(welcome(HEARTBEAT));
        const frame = JSON.parse(trackUpdate(rawSong(7, "Event song")));
        client.send(JSON.stringify({ ...frame, d: { ...frame.d, event } }));
      }),
    );
    const h = harness();
    active = h.client;
    h.client.start("jpop");
    await flush();
    expect(h.tracks.map((t) => t.update.event?.image)).toEqual([null]);
    expect(h.droppedFields).toEqual(["event.image"]);
    expect(h.dropped).toEqual([]);
  });
});
