import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../accounts.mjs";
import { startStation } from "../server.mjs";
import { GatewayClient, wsUrl } from "./helpers/gateway-client.mjs";
import { LOGIN_MUTATION } from "./helpers/operations.mjs";
import { expectTrackPayload } from "./helpers/shapes.mjs";

async function login(station, username, password) {
  const res = await fetch(`${station.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: LOGIN_MUTATION, variables: { username, password } }),
  });
  return (await res.json()).data.login.token;
}

describe("legacy v1 (seed) gateway", () => {
  let station;
  let kanaToken;
  const clients = [];
  const connect = async (path = "/gateway") => {
    const client = await GatewayClient.connect(wsUrl(station, path));
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    station = await startStation({ listenerDrift: false });
    kanaToken = await login(station, "kana", "kana-password");
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await station.close();
  });

  it("waits for op 0 before saying anything", async () => {
    const client = await connect();
    expect(await client.collect(300)).toEqual([]);
    client.send({ op: 0, d: { auth: "" } });
    const welcome = await client.next((f) => f?.op === 0);
    expect(welcome).toEqual({
      op: 0,
      d: { message: "Welcome to LISTEN.moe! Enjoy your stay!", heartbeat: 45000 },
    });
  });

  it("serves anonymous sockets without user, favorite, queue or characters", async () => {
    const client = await connect("/kpop/gateway");
    client.send({ op: 0, d: { auth: "" } });
    const welcome = await client.next((f) => f?.op === 0);
    expect(welcome.d).not.toHaveProperty("user");
    const track = await client.nextDispatch("TRACK_UPDATE");
    expectTrackPayload(track.d, { protocol: "seed", authed: false });
    expect(station.catalogue.stations.kpop.map((s) => s.id)).toContain(track.d.song.id);
  });

  it("personalises the welcome and songs for a Bearer token", async () => {
    const kana = DEMO_ACCOUNTS.find((a) => a.username === "kana");
    const client = await connect();
    client.send({ op: 0, d: { auth: `Bearer ${kanaToken}` } });
    const welcome = await client.next((f) => f?.op === 0);
    expect(welcome.d).toEqual({
      message: "Welcome to LISTEN.moe! Enjoy your stay!",
      user: { uuid: kana.uuid, email: kana.email, username: "kana", displayName: "Kana" },
      heartbeat: 45000,
    });
    const track = await client.nextDispatch("TRACK_UPDATE");
    expectTrackPayload(track.d, { protocol: "seed", authed: true });
    const favorites = station.favorites.snapshot().kana;
    expect(track.d.song.favorite).toBe(favorites.includes(track.d.song.id));
    for (const song of track.d.lastPlayed) expect(song.favorite).toBe(favorites.includes(song.id));
    expect(track.d.queue.inQueue).toBeGreaterThanOrEqual(track.d.queue.inQueueByUser);
  });

  it("reflects a favorite toggle in the next TRACK_UPDATE_REQUEST (op 2)", async () => {
    const client = await connect();
    client.send({ op: 0, d: { auth: `Bearer ${kanaToken}` } });
    const first = await client.nextDispatch("TRACK_UPDATE");
    station.favorites.toggle("kana", first.d.song.id);
    try {
      client.send({ op: 2 });
      const second = await client.nextDispatch("TRACK_UPDATE_REQUEST");
      expect(second.d.song.favorite).toBe(!first.d.song.favorite);
    } finally {
      station.favorites.toggle("kana", first.d.song.id);
    }
  });

  it("personalises broadcasts per socket", async () => {
    const authed = await connect();
    const anon = await connect();
    authed.send({ op: 0, d: { auth: `Bearer ${kanaToken}` } });
    anon.send({ op: 0, d: { auth: "" } });
    await authed.nextDispatch("TRACK_UPDATE");
    await anon.nextDispatch("TRACK_UPDATE");
    station.next("jpop");
    const [a, b] = await Promise.all([
      authed.nextDispatch("TRACK_UPDATE"),
      anon.nextDispatch("TRACK_UPDATE"),
    ]);
    expect(a.d.song.id).toBe(b.d.song.id);
    expect(a.d).toHaveProperty("queue");
    expect(a.d.song).toHaveProperty("favorite");
    expect(b.d).not.toHaveProperty("queue");
    expect(b.d.song).not.toHaveProperty("favorite");
  });

  it.each([
    ["an invalid token", { op: 0, d: { auth: "Bearer not-a-real-token" } }, 4003],
    ["a token without Bearer", { op: 0, d: { auth: "garbage" } }, 4003],
    ["op 0 without a body", { op: 0 }, 4005],
    ["an unparsable frame", "{nope", 4005],
    ["an unknown op", { op: 5, d: {} }, 4002],
  ])("closes on %s with %i", async (_name, frame, code) => {
    const client = await connect();
    client.send(frame);
    expect((await client.waitClose()).code).toBe(code);
  });

  it("closes with 4004 when op 0 is sent twice", async () => {
    const client = await connect();
    client.send({ op: 0, d: { auth: "" } });
    await client.nextDispatch("TRACK_UPDATE");
    client.send({ op: 0, d: { auth: "" } });
    expect((await client.waitClose()).code).toBe(4004);
  });

  it("does not accept the temporary two-factor token", async () => {
    const mfaToken = await login(station, "mika", "mika-password");
    const client = await connect();
    client.send({ op: 0, d: { auth: `Bearer ${mfaToken}` } });
    expect((await client.waitClose()).code).toBe(4003);
  });

  it("keeps /gateway_v2 on v2 in the default protocol", async () => {
    const client = await connect("/gateway_v2");
    await client.nextDispatch("TRACK_UPDATE");
    expect(client.frames[0].json.d.heartbeat).toBe(35000);
  });
});

describe('protocol: "seed"', () => {
  let station;
  beforeAll(async () => {
    station = await startStation({ protocol: "seed", heartbeatMs: 20000, listenerDrift: false });
  });
  afterAll(() => station.close());

  it("makes the v2 paths wait for op 0 too, with an explicit heartbeat", async () => {
    const client = await GatewayClient.connect(wsUrl(station, "/kpop/gateway_v2"));
    try {
      expect(await client.collect(200)).toEqual([]);
      client.send({ op: 0, d: { auth: "" } });
      const welcome = await client.next((f) => f?.op === 0);
      expect(welcome.d.heartbeat).toBe(20000);
      const track = await client.nextDispatch("TRACK_UPDATE");
      expectTrackPayload(track.d, { protocol: "seed" });
      expect(station.state().connections.at(-1)).toMatchObject({
        protocol: "seed",
        path: "/kpop/gateway_v2",
      });
    } finally {
      client.close();
    }
  });
});
