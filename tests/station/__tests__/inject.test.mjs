import { describe, expect, it } from "vitest";
import { INJECTED_SONG_ID_BASE } from "../inject.mjs";
import { control, setUpGatewaySuite } from "./helpers/control.mjs";
import { LOGIN_MUTATION, USER_QUERY } from "./helpers/operations.mjs";
import { expectTrackPayload } from "./helpers/shapes.mjs";

async function gql(station, query, variables, token) {
  const res = await fetch(`${station.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const HOSTILE = `<img src=x onerror="window.__pwned=1">`;

describe("crafted data for hostile-data tests", () => {
  const suite = setUpGatewaySuite({ between: "reset" });
  const { open } = suite;

  it("inject broadcasts a TRACK_UPDATE with the given fields to that suite.station only", async () => {
    const jpop = await open("/gateway_v2");
    const kpop = await open("/kpop/gateway_v2");
    const before = Date.now();
    const { status, body } = await control(suite.station, "inject", {
      station: "jpop",
      song: { title: HOSTILE, albums: [{ id: 1, name: HOSTILE, nameRomaji: null, image: "../x.png" }] },
      requester: { uuid: "u", username: "evil", displayName: HOSTILE },
      event: { id: 1, name: HOSTILE, slug: "x", presence: null, image: "javascript:alert(1)" },
    });
    expect(status).toBe(200);
    expect(body.sent).toBe(1);

    const update = await jpop.client.nextDispatch("TRACK_UPDATE");
    expect(update.d.song.title).toBe(HOSTILE);
    expect(update.d.song.id).toBeGreaterThan(INJECTED_SONG_ID_BASE);
    expect(update.d.song.albums).toEqual([{ id: 1, name: HOSTILE, nameRomaji: null, image: "../x.png" }]);
    // Everything not named comes from the current song.
    expect(update.d.song.artists).toEqual(jpop.track.d.song.artists);
    expect(update.d.requester.displayName).toBe(HOSTILE);
    expect(update.d.event.image).toBe("javascript:alert(1)");
    expect(Date.parse(update.d.startTime)).toBeGreaterThanOrEqual(before - 1000);
    expect(await kpop.client.collect(200)).toEqual([]);
    // The suite.station itself still plays its catalogue song.
    expect(suite.station.state().stations.jpop.song.id).toBe(jpop.track.d.song.id);
  });

  it("gives every injection a new song id unless the spec names one, and keeps a given startTime", async () => {
    const { client } = await open("/gateway_v2");
    await control(suite.station, "inject", { station: "jpop" });
    await control(suite.station, "inject", { station: "jpop", song: { id: 42 }, startTime: null });
    const first = await client.nextDispatch("TRACK_UPDATE");
    const second = await client.nextDispatch("TRACK_UPDATE");
    // Without hostile fields, an injection is a well-formed production frame.
    expectTrackPayload(first.d);
    expect(second.d.song.id).toBe(42);
    expect(second.d.startTime).toBeNull();
    expect(first.d.song.id).not.toBe(42);
  });

  it.each([
    [{}, /station is required/],
    [{ station: "jpop", song: "title" }, /song must be an object/],
    [{ station: "jpop", requester: 5 }, /requester must be an object or null/],
    [{ station: "jpop", lastPlayed: {} }, /lastPlayed must be an array/],
    [{ station: "jpop", startTime: 5 }, /startTime must be a string or null/],
  ])("inject rejects %j", async (spec, message) => {
    const { status, body } = await control(suite.station, "inject", spec);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it("profile overrides a user's display name and avatar in GraphQL until reset", async () => {
    const login = await gql(suite.station, LOGIN_MUTATION, { username: "kana", password: "kana-password" });
    const token = login.data.login.token;
    const { status, body } = await control(suite.station, "profile", {
      username: "kana",
      displayName: HOSTILE,
      avatarImage: "../../etc/passwd",
    });
    expect(status).toBe(200);
    expect(body.profiles).toEqual({ kana: { displayName: HOSTILE, avatarImage: "../../etc/passwd" } });
    expect(suite.station.state().profiles.kana.displayName).toBe(HOSTILE);

    const me = await gql(suite.station, USER_QUERY, { username: "@me" }, token);
    expect(me.data.user).toMatchObject({
      username: "kana",
      displayName: HOSTILE,
      avatarImage: "../../etc/passwd",
    });
    const other = await gql(suite.station, USER_QUERY, { username: "mika" });
    expect(other.data.user.displayName).toBe("Mika");

    await control(suite.station, "reset", {});
    const after = await gql(suite.station, USER_QUERY, { username: "@me" }, token);
    expect(after.data.user.displayName).toBe("Kana");
    expect(suite.station.state().profiles).toEqual({});
  });

  it("profile rejects unknown users and non-string fields", async () => {
    expect((await control(suite.station, "profile", { username: "nobody", displayName: "x" })).status).toBe(
      400,
    );
    const { status, body } = await control(suite.station, "profile", { username: "kana", displayName: 7 });
    expect(status).toBe(400);
    expect(body.error).toMatch(/displayName must be a string or null/);
  });
});
