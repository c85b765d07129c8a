import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAULT_TYPES } from "../control.mjs";
import { startStation } from "../server.mjs";
import { control } from "./helpers/control.mjs";
import { connectV2, waitFor } from "./helpers/gateway-client.mjs";
import { openStream, sleep } from "./helpers/http-stream.mjs";
import { loginToken } from "./helpers/login.mjs";
import { LOGIN_MUTATION, USER_QUERY } from "./helpers/operations.mjs";

async function gql(station, query, variables, token) {
  const res = await fetch(`${station.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

/** The types in the README's "Fault types" table, read from the table itself. */
function documentedFaultTypes() {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const table = readme.split("### Fault types")[1].split("\n#")[0];
  const types = [...table.matchAll(/^\| `([^`]+)` /gm)].map(([, type]) => type);
  // A renamed heading or a reformatted table must not leave nothing to compare.
  expect(types.length).toBeGreaterThan(5);
  return types;
}

describe("HTTP faults and the control API", () => {
  let station;
  beforeAll(async () => {
    station = await startStation({ listenerDrift: false, audioStartSeconds: 0 });
  });
  beforeEach(async () => {
    await control(station, "clear", {});
  });
  afterAll(() => station.close());

  describe("graphql faults", () => {
    const variables = { username: "kana", password: "kana-password" };

    it("500 answers HTTP 500 for `count` requests, then recovers", async () => {
      const res = await control(station, "fault", { type: "graphql", mode: "500", count: 2 });
      expect(res.body.fault).toMatchObject({ type: "graphql", mode: "500", remaining: 2 });
      expect((await gql(station, LOGIN_MUTATION, variables)).status).toBe(500);
      expect((await gql(station, LOGIN_MUTATION, variables)).status).toBe(500);
      const ok = await gql(station, LOGIN_MUTATION, variables);
      expect(ok.status).toBe(200);
      expect(ok.body.data.login.mfa).toBe(false);
    });

    it("errors answers HTTP 200 with data null and an errors array", async () => {
      await control(station, "fault", { type: "graphql", mode: "errors", count: 1 });
      const { status, body } = await gql(station, LOGIN_MUTATION, variables);
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors[0].message).toEqual(expect.any(String));
    });

    it.each([
      [{ message: "Invalid authorization." }, 200, { message: "Invalid authorization.", path: ["login"] }],
      [
        { message: "This account has been deactivated.", code: "FORBIDDEN" },
        200,
        { message: "This account has been deactivated.", path: ["login"], extensions: { code: "FORBIDDEN" } },
      ],
      [{ message: "Something new.", status: 401, path: false }, 401, { message: "Something new." }],
    ])("message answers with one error in the wording asked for: %j", async (spec, status, error) => {
      await control(station, "fault", { type: "graphql", mode: "message", count: 1, ...spec });
      const answer = await gql(station, LOGIN_MUTATION, variables);
      expect(answer).toEqual({ status, body: { data: null, errors: [error] } });
      expect((await gql(station, LOGIN_MUTATION, variables)).body.data.login.token).toEqual(
        expect.any(String),
      );
    });

    it("a fault with an operation answers that operation only", async () => {
      await control(station, "fault", {
        type: "graphql",
        mode: "message",
        message: "Invalid authorization.",
        operation: "LoginMfaMutation",
        count: 1,
      });
      expect((await gql(station, LOGIN_MUTATION, variables)).body.data.login.token).toEqual(
        expect.any(String),
      );
      const res = await fetch(`${station.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          operationName: "LoginMfaMutation",
          query: "mutation LoginMfaMutation($otpToken: String!) { loginMFA(token: $otpToken) { token } }",
          variables: { otpToken: "123456" },
        }),
      });
      expect(await res.json()).toEqual({
        data: null,
        errors: [{ message: "Invalid authorization.", path: ["loginMFA"] }],
      });
    });

    it("message refuses a missing message or a bad status", async () => {
      for (const spec of [{}, { message: "x", status: 99 }, { message: "x", code: 5 }]) {
        const res = await control(station, "fault", { type: "graphql", mode: "message", ...spec });
        expect(res.status).toBe(400);
      }
    });

    it("wrong-shape answers valid JSON with the wrong types under the requested fields", async () => {
      await control(station, "fault", { type: "graphql", mode: "wrong-shape", durationMs: 5000 });
      const { status, body } = await gql(station, LOGIN_MUTATION, variables);
      expect(status).toBe(200);
      expect(body.data.login).not.toHaveProperty("token");
      expect(body.data.login).toEqual({ unexpected: true, items: 42 });
    });

    it("timeout holds requests, answering 504 after hangMs or when cleared", async () => {
      await control(station, "fault", { type: "graphql", mode: "timeout", hangMs: 300 });
      const started = Date.now();
      const first = await gql(station, LOGIN_MUTATION, variables);
      expect(first.status).toBe(504);
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      const pending = gql(station, LOGIN_MUTATION, variables);
      await control(station, "fault", { type: "graphql", mode: "timeout" });
      await sleep(100);
      await control(station, "clear", { type: "graphql" });
      expect((await pending).status).toBe(504);
      expect((await gql(station, LOGIN_MUTATION, variables)).status).toBe(200);
    });

    it("lets OPTIONS preflights through untouched", async () => {
      await control(station, "fault", { type: "graphql", mode: "500", count: 1 });
      const pre = await fetch(`${station.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin: "http://a.test" },
      });
      expect(pre.status).toBe(204);
      expect((await gql(station, LOGIN_MUTATION, variables)).status).toBe(500);
    });
  });

  describe("revoke-tokens", () => {
    it("revokes one user's tokens, then everyone's", async () => {
      const kana = await loginToken(station, "kana");
      const kana2 = await loginToken(station, "kana");
      const me = async (token) => (await gql(station, USER_QUERY, { username: "@me" }, token)).body;
      expect((await me(kana)).data.user.username).toBe("kana");
      const one = await control(station, "fault", { type: "revoke-tokens", username: "kana" });
      expect(one.body.revoked).toBeGreaterThanOrEqual(2);
      expect(station.tokens.size).toBe(0);
      expect((await me(kana)).errors[0].message).toBe("Invalid authorization.");
      expect((await me(kana2)).errors[0].message).toBe("Invalid authorization.");
      const fresh = await loginToken(station, "kana");
      await control(station, "fault", { type: "revoke-tokens" });
      expect((await me(fresh)).errors[0].message).toBe("Invalid authorization.");
    });
  });

  describe("audio faults", () => {
    it("cut destroys open audio responses", async () => {
      const stream = await openStream(`${station.url}/stream`);
      await waitFor(() => station.state().audio.open["/stream"] === 1);
      const closed = new Promise((resolve) => stream.res.on("close", resolve));
      const res = await control(station, "fault", { type: "audio", mode: "cut" });
      expect(res.body).toEqual({ ok: true, cut: 1 });
      await closed;
      await waitFor(() => station.state().audio.open["/stream"] === 0);
    });

    it("stall keeps the connection open but sends nothing, then resumes", async () => {
      const stream = await openStream(`${station.url}/opus`);
      try {
        await waitFor(() => stream.bytes() >= 64 * 1024);
        await control(station, "fault", { type: "audio", mode: "stall", mount: "/opus", durationMs: 1200 });
        const during = stream.bytes();
        await sleep(1000);
        expect(stream.bytes()).toBe(during);
        expect(station.state().audio.open["/opus"]).toBe(1);
        await waitFor(() => stream.bytes() > during, 2500);
      } finally {
        stream.close();
      }
    });

    it("404 and 503 fail new requests on one mount only", async () => {
      await control(station, "fault", { type: "audio", mode: "404", mount: "/stream" });
      expect((await fetch(`${station.url}/stream`)).status).toBe(404);
      const other = await openStream(`${station.url}/fallback`);
      expect(other.res.statusCode).toBe(200);
      other.close();
      await control(station, "clear", {});
      await control(station, "fault", { type: "audio", mode: "503", count: 1 });
      expect((await fetch(`${station.url}/kpop/stream`)).status).toBe(503);
      const recovered = await openStream(`${station.url}/kpop/stream`);
      expect(recovered.res.statusCode).toBe(200);
      recovered.close();
      const statuses = station
        .state()
        .audio.requests.slice(-4)
        .map((r) => r.status);
      expect(statuses).toEqual([404, 200, 503, 200]);
    });
  });

  describe("control API", () => {
    it("GET /__control/state describes stations, sockets, audio, images, faults and favorites", async () => {
      const { client } = await connectV2(station, "/kpop/gateway_v2");
      try {
        const state = await (await fetch(`${station.url}/__control/state`)).json();
        expect(Object.keys(state)).toEqual(
          expect.arrayContaining([
            "stations",
            "sockets",
            "connections",
            "audio",
            "images",
            "faults",
            "favorites",
          ]),
        );
        for (const key of ["jpop", "kpop"]) {
          expect(state.stations[key]).toMatchObject({
            song: { id: expect.any(Number), title: expect.any(String) },
            startedAt: expect.any(String),
            startTime: expect.any(String),
            listeners: expect.any(Number),
          });
          expect(state.stations[key].lastPlayed).toHaveLength(2);
        }
        expect(state.sockets).toEqual({ jpop: 0, kpop: 1, total: 1 });
        expect(state.audio.open).toHaveProperty("/kpop/fallback");
        expect(state.favorites.kana.length).toBeGreaterThan(0);
        expect(state.faults).toEqual({});
      } finally {
        client.close();
      }
    });

    it("POST /__control/next advances one station", async () => {
      const before = station.state();
      const res = await control(station, "next", { station: "kpop" });
      expect(res.status).toBe(200);
      const after = station.state();
      expect(after.stations.kpop.song.id).toBe(res.body.song.id);
      expect(after.stations.kpop.lastPlayed[0].id).toBe(before.stations.kpop.song.id);
      expect(after.stations.jpop.song.id).toBe(before.stations.jpop.song.id);
    });

    it("POST /__control/config changes the heartbeat, speed and startTime at runtime", async () => {
      const res = await control(station, "config", { heartbeatMs: 12345, speed: 2, startTime: "end" });
      expect(res.body).toEqual({ ok: true, config: { heartbeatMs: 12345, speed: 2, startTime: "end" } });
      const { client, welcome, track } = await connectV2(station);
      client.close();
      expect(welcome.d.heartbeat).toBe(12345);
      expect(Date.parse(track.d.startTime)).toBeGreaterThan(
        Date.parse(station.state().stations.jpop.startedAt),
      );
      expect(station.stations.jpop.speed).toBe(2);
      await control(station, "config", { heartbeatMs: 35000, speed: 1, startTime: "start" });
    });

    it("songs change on their own after duration / speed", async () => {
      const fast = await startStation({ speed: 200, listenerDrift: false });
      try {
        const { client, track } = await connectV2(fast);
        const next = await client.nextDispatch("TRACK_UPDATE", 3000);
        expect(next.d.song.id).not.toBe(track.d.song.id);
        client.close();
      } finally {
        await fast.close();
      }
    });

    it("autoAdvance false holds each song past its end until next; true lets songs end again", async () => {
      // At speed 200 a song (60-280 s) lasts 0.3-1.4 s.
      const fast = await startStation({ speed: 200, listenerDrift: false });
      try {
        expect((await control(fast, "config", { autoAdvance: false })).body.config).toEqual({
          autoAdvance: false,
        });
        expect(fast.state().stations.jpop.autoAdvance).toBe(false);
        const { client, track } = await connectV2(fast);
        // Longer than the longest song: nothing may come.
        await expect(client.nextDispatch("TRACK_UPDATE", 2_000)).rejects.toThrow();
        expect(fast.state().stations.jpop.song.id).toBe(track.d.song.id);
        await control(fast, "next", { station: "jpop" });
        const moved = await client.nextDispatch("TRACK_UPDATE", 3_000);
        expect(moved.d.song.id).not.toBe(track.d.song.id);
        await control(fast, "config", { autoAdvance: true });
        const ended = await client.nextDispatch("TRACK_UPDATE", 3_000);
        expect(ended.d.song.id).not.toBe(moved.d.song.id);
        client.close();
      } finally {
        await fast.close();
      }
    });

    it("POST /__control/reset clears faults and logs but keeps the song", async () => {
      await control(station, "fault", { type: "zombie" });
      await fetch(`${station.url}/covers/x.jpg`);
      const song = station.state().stations.jpop.song.id;
      expect((await control(station, "reset", {})).body).toEqual({ ok: true });
      const state = station.state();
      expect(state.faults).toEqual({});
      expect(state.images).toEqual([]);
      expect(state.audio.requests).toEqual([]);
      expect(state.stations.jpop.song.id).toBe(song);
    });

    it("reset can also restore favorites and revoke tokens", async () => {
      const token = await loginToken(station, "kana");
      const seeded = station.favorites.snapshot().kana;
      station.favorites.toggle("kana", seeded[0]);
      await control(station, "reset", { favorites: true, tokens: true });
      expect(station.favorites.snapshot().kana).toEqual(seeded);
      expect((await gql(station, USER_QUERY, { username: "@me" }, token)).body.errors[0].message).toBe(
        "Invalid authorization.",
      );
    });

    it.each([
      ["an unknown fault type", "fault", { type: "meteor" }],
      ["a bad station", "fault", { type: "drop", station: "cpop" }],
      ["a bad close code", "fault", { type: "drop", code: 1005 }],
      ["a bad graphql mode", "fault", { type: "graphql", mode: "418" }],
      ["a bad audio mount", "fault", { type: "audio", mode: "cut", mount: "/nope" }],
      ["a negative duration", "fault", { type: "zombie", durationMs: -1 }],
      ["a missing station on next", "next", {}],
      ["an unknown config key", "config", { volume: 11 }],
      ["a bad startTime", "config", { startTime: "middle" }],
      ["a non-boolean autoAdvance", "config", { autoAdvance: "no" }],
      ["a non-JSON body", "fault", "{nope"],
    ])("answers 400 for %s", async (_name, action, body) => {
      const res = await control(station, action, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ ok: false, error: expect.any(String) });
    });

    it("answers 404 for unknown actions", async () => {
      expect((await control(station, "explode", {})).status).toBe(404);
    });

    it("dispatches exactly the fault types its README documents, and names them in a 400", async () => {
      const documented = documentedFaultTypes();
      expect([...FAULT_TYPES].sort()).toEqual([...documented].sort());
      const { body } = await control(station, "fault", { type: "meteor" });
      expect(body.error.split("expected one of ")[1].split(", ").sort()).toEqual([...documented].sort());
    });
  });
});

describe("startStation options", () => {
  it("rejects invalid options", async () => {
    await expect(startStation({ protocol: "v3" })).rejects.toThrow(/protocol/);
    await expect(startStation({ startTime: "later" })).rejects.toThrow(/startTime/);
    await expect(startStation({ speed: 0 })).rejects.toThrow(/speed/);
  });

  it("restart() in-process keeps the port and the catalogue position", async () => {
    const station = await startStation({ listenerDrift: false });
    try {
      const { client } = await connectV2(station);
      const song = station.state().stations.jpop.song.id;
      await station.restart();
      expect((await client.waitClose()).code).toBe(1006);
      const again = await connectV2(station);
      again.client.close();
      expect(again.track.d.song.id).toBe(song);
      expect(station.state().connections.at(-2)).toMatchObject({ closeCode: 1006, closedBy: "server" });
    } finally {
      await station.close();
    }
  });
});
