import { ws } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { gatewayUrl } from "@/lib/config";
import type { StationId } from "@/lib/stations";
import { runEarlyGateway } from "@/testing/early-gateway";
import { ACK, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { takeEarlySocket } from "../early-socket";
import { type ConnectionStatus, createGatewayClient, type GatewayClient } from "../gateway-client";

const HEARTBEAT = 10_000;
const links = { jpop: ws.link(gatewayUrl("jpop")), kpop: ws.link(gatewayUrl("kpop")) };

interface Gateway {
  connections: number;
  /** Every frame the gateway received, per connection (1-based), as text. */
  received: string[][];
  closes: number[];
}

/** A v2 gateway: welcome and a track on connect, acks on op 9. */
function gateway(station: StationId): Gateway {
  const g: Gateway = { connections: 0, received: [], closes: [] };
  server.use(
    links[station].addEventListener("connection", ({ client }) => {
      const frames: string[] = [];
      g.received.push(frames);
      g.connections++;
      client.send(welcome(HEARTBEAT));
      client.send(trackUpdate(rawSong(g.connections, `Song ${g.connections}`)));
      client.addEventListener("message", (event) => {
        frames.push(String(event.data));
        if (JSON.parse(String(event.data)).op === 9) client.send(ACK);
      });
      client.addEventListener("close", (event) => g.closes.push(event.code));
    }),
  );
  return g;
}

function startClient(station: StationId, auth = "") {
  const statuses: ConnectionStatus[] = [];
  const songs: number[] = [];
  const client = createGatewayClient({
    urlFor: gatewayUrl,
    random: () => 0,
    adoptSocket: (url, wanted) => takeEarlySocket(window, url, wanted),
    listener: { status: (s) => statuses.push(s), track: (_s, update) => songs.push(update.song.id) },
  });
  client.start(station, auth);
  active = client;
  return { statuses, songs };
}

const settle = () => vi.advanceTimersByTimeAsync(0);
let active: GatewayClient | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, "", "/");
});
afterEach(() => {
  active?.stop();
  active = null;
  (window as { __lmEarlyGateway?: unknown }).__lmEarlyGateway = undefined;
  history.replaceState(null, "", "/");
});

describe("index.html's gateway bootstrap, handed to the gateway client", () => {
  it.each([
    ["after it opened and heard the first song", true],
    ["while it is still connecting", false],
  ])("is adopted %s: one socket, one identify, the song and the heartbeats", async (_when, openFirst) => {
    const g = gateway("jpop");
    runEarlyGateway();
    if (openFirst) await settle();
    const { statuses, songs } = startClient("jpop");
    await settle();
    await settle();

    expect(g.connections).toBe(1);
    expect(g.received[0]?.[0]).toBe('{"op":0,"d":{"auth":""}}');
    expect(g.received[0]?.filter((f) => JSON.parse(f).op === 0)).toHaveLength(1);
    expect(songs).toEqual([1]);
    expect(statuses.at(-1)).toEqual({ kind: "live", station: "jpop" });
    await vi.advanceTimersByTimeAsync(HEARTBEAT * 2 + 100);
    expect(g.received[0]?.filter((f) => f === '{"op":9}').length).toBeGreaterThanOrEqual(3);
    expect(g.closes).toEqual([]);
  });

  it.each<[string, { path: string; station: StationId; auth: string }]>([
    [
      "the client is logged in (the bootstrap identifies anonymously)",
      { path: "/", station: "jpop", auth: "Bearer t" },
    ],
    ["the page is K-pop's but the client wants J-pop", { path: "/kpop", station: "jpop", auth: "" }],
    ["the page is J-pop's but the client wants K-pop", { path: "/", station: "kpop", auth: "" }],
  ])("is closed, and the client opens its own, when %s", async (_case, { path, station, auth }) => {
    history.replaceState(null, "", path);
    const early = gateway(path === "/kpop" ? "kpop" : "jpop");
    const own = station === (path === "/kpop" ? "kpop" : "jpop") ? early : gateway(station);
    runEarlyGateway();
    await settle();
    const { songs } = startClient(station, auth);
    await settle();
    await settle();

    expect(early.closes).toEqual([1000]);
    const ownReceived = own.received.at(-1) ?? [];
    expect(ownReceived[0]).toBe(JSON.stringify({ op: 0, d: { auth } }));
    expect(songs).toEqual([own.connections]);
  });

  it("closes its socket when no app takes it", async () => {
    const g = gateway("jpop");
    runEarlyGateway();
    await settle();
    expect(g.connections).toBe(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(g.closes).toEqual([1000]);
    expect(takeEarlySocket(window, gatewayUrl("jpop"), "")).toBeNull();
  });

  it("is taken once: a reconnect opens a new socket", async () => {
    const g = gateway("jpop");
    runEarlyGateway();
    await settle();
    startClient("jpop");
    await settle();
    expect(takeEarlySocket(window, gatewayUrl("jpop"), "")).toBeNull();
    expect(g.connections).toBe(1);
  });
});
