import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStation } from "../server.mjs";
import {
  CHECK_FAVORITE_QUERY,
  CHECK_FAVORITES_BATCH_QUERY,
  DESK_LOGIN_MUTATION,
  FAVORITE_SONG_MUTATION,
  FAVORITES_QUERY,
  LOGIN_MFA_MUTATION,
  LOGIN_MUTATION,
  PLAY_HISTORY_QUERY,
  REQUEST_SONG_MUTATION,
  USER_QUERY,
  USER_QUERY_ANDROID,
} from "./helpers/operations.mjs";

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** POSTs a GraphQL request; returns status, parsed body and raw text. */
async function gql(station, query, variables, { token, headers = {} } = {}) {
  const res = await fetch(`${station.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), text, headers: res.headers };
}

const messages = (body) => body.errors?.map((e) => e.message);

describe("GraphQL", () => {
  let station;
  let kana;
  beforeAll(async () => {
    station = await startStation({ listenerDrift: false });
    kana = (await gql(station, LOGIN_MUTATION, { username: "kana", password: "kana-password" })).body.data
      .login.token;
  });
  afterAll(() => station.close());

  describe("login", () => {
    it("logs in without two-factor (LoginMutation)", async () => {
      const { status, body } = await gql(station, LOGIN_MUTATION, {
        username: "kana",
        password: "kana-password",
      });
      expect(status).toBe(200);
      expect(body.data.login.mfa).toBe(false);
      expect(body.data.login.token).toMatch(JWT_SHAPE);
    });

    it("accepts the e-mail address as username and answers DESK's fuller login mutation", async () => {
      const { body } = await gql(station, DESK_LOGIN_MUTATION, {
        username: "kana@example.test",
        password: "kana-password",
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.login).toMatchObject({
        mfa: false,
        user: {
          username: "kana",
          displayName: "Kana",
          roles: [{ name: "User", slug: "user", color: null, songRequests: 5 }],
        },
      });
      expect(Object.keys(body.data.login)).toEqual(["user", "token", "mfa"]);
    });

    it("rejects bad credentials with the Apollo error envelope on HTTP 200", async () => {
      for (const [username, password] of [
        ["kana", "wrong"],
        ["nobody", "kana-password"],
      ]) {
        const { status, body, text } = await gql(station, LOGIN_MUTATION, { username, password });
        expect(status).toBe(200);
        expect(text.startsWith('{"data":null,"errors":[{"message":"Invalid authorization."')).toBe(true);
        expect(body.errors[0]).toMatchObject({ path: ["login"], extensions: { code: "UNAUTHENTICATED" } });
      }
    });

    it("runs the two-factor flow (LoginMutation + LoginMfaMutation with the temporary Bearer)", async () => {
      const first = await gql(station, LOGIN_MUTATION, { username: "mika", password: "mika-password" });
      expect(first.body.data.login.mfa).toBe(true);
      const temp = first.body.data.login.token;
      expect(temp).toMatch(JWT_SHAPE);

      const noBearer = await gql(station, LOGIN_MFA_MUTATION, { otpToken: "246810" });
      expect(messages(noBearer.body)).toEqual(["Invalid authorization."]);
      expect(noBearer.body.data).toBeNull();

      const tempIsNotASession = await gql(station, USER_QUERY, { username: "@me" }, { token: temp });
      expect(messages(tempIsNotASession.body)).toEqual(["Invalid authorization."]);

      const wrong = await gql(station, LOGIN_MFA_MUTATION, { otpToken: "000000" }, { token: temp });
      expect(messages(wrong.body)).toEqual(["Invalid two-factor code."]);

      const ok = await gql(station, LOGIN_MFA_MUTATION, { otpToken: "246810" }, { token: temp });
      expect(ok.body.errors).toBeUndefined();
      const final = ok.body.data.loginMFA.token;
      expect(final).toMatch(JWT_SHAPE);
      expect(final).not.toBe(temp);

      const me = await gql(station, USER_QUERY, { username: "@me" }, { token: final });
      expect(me.body.data.user).toMatchObject({ username: "mika", displayName: "Mika" });

      const reuse = await gql(station, LOGIN_MFA_MUTATION, { otpToken: "246810" }, { token: temp });
      expect(messages(reuse.body)).toEqual(["Invalid authorization."]);
    });

    it("leaves user null while two-factor is pending", async () => {
      const { body } = await gql(station, DESK_LOGIN_MUTATION, {
        username: "mika@example.test",
        password: "mika-password",
      });
      expect(body.data.login).toMatchObject({ mfa: true, user: null });
    });
  });

  describe("user", () => {
    it("resolves @me for a session token (DESK user query)", async () => {
      const { body } = await gql(station, USER_QUERY, { username: "@me" }, { token: kana });
      expect(body).toEqual({
        data: {
          user: {
            uuid: expect.any(String),
            username: "kana",
            displayName: "Kana",
            avatarImage: "かな_avatar.png",
            bannerImage: "kana banner.jpg",
            bio: expect.any(String),
            roles: [{ name: "User", slug: "user" }],
            favorites: { count: station.favorites.snapshot().kana.length },
            uploads: { count: 0 },
            requests: { count: 0 },
          },
        },
      });
    });

    it("answers AND's UserQuery and public profiles without a token", async () => {
      const { body } = await gql(station, USER_QUERY_ANDROID, { username: "mika" });
      expect(body.data.user).toMatchObject({ username: "mika", displayName: "Mika", bannerImage: null });
      const unknown = await gql(station, USER_QUERY_ANDROID, { username: "nobody-here" });
      expect(unknown.body).toEqual({ data: { user: null } });
    });

    it("rejects @me without a token or with an unknown one", async () => {
      for (const token of [undefined, "eyJ.bogus.token"]) {
        const { status, body } = await gql(station, USER_QUERY, { username: "@me" }, { token });
        expect(status).toBe(200);
        expect(body.data).toEqual({ user: null });
        expect(messages(body)).toEqual(["Invalid authorization."]);
      }
    });
  });

  describe("favorites", () => {
    it("returns the favorited subset (checkFavorite and the aliased batch)", async () => {
      const favs = station.favorites.snapshot().kana;
      const notFav = station.catalogue.stations.jpop.map((s) => s.id).find((id) => !favs.includes(id));
      const { body } = await gql(
        station,
        CHECK_FAVORITE_QUERY,
        { songs: [favs[0], notFav] },
        { token: kana },
      );
      expect(body).toEqual({ data: { checkFavorite: [favs[0]] } });
      const batch = await gql(
        station,
        CHECK_FAVORITES_BATCH_QUERY,
        { songs: [notFav], songsWithoutAlbum: favs },
        { token: kana },
      );
      expect(batch.body.data).toEqual({ songs: [], songsWithoutAlbum: favs });
    });

    it("requires auth for checkFavorite", async () => {
      const { body } = await gql(station, CHECK_FAVORITE_QUERY, { songs: [1] });
      expect(body.data).toBeNull();
      expect(messages(body)).toEqual(["Invalid authorization."]);
    });

    it("toggles with favoriteSong and reports only the id", async () => {
      const songId = station.state().stations.jpop.song.id;
      const check = async () =>
        (await gql(station, CHECK_FAVORITE_QUERY, { songs: [songId] }, { token: kana })).body;
      const before = (await check()).data.checkFavorite.includes(songId);
      const toggled = await gql(station, FAVORITE_SONG_MUTATION, { id: songId }, { token: kana });
      expect(toggled.body).toEqual({ data: { favoriteSong: { id: songId } } });
      expect((await check()).data.checkFavorite.includes(songId)).toBe(!before);
      await gql(station, FAVORITE_SONG_MUTATION, { id: songId }, { token: kana });
      expect((await check()).data.checkFavorite.includes(songId)).toBe(before);
    });

    it("rejects favoriteSong without auth and for unknown songs", async () => {
      const anon = await gql(station, FAVORITE_SONG_MUTATION, { id: station.catalogue.stations.jpop[0].id });
      expect(messages(anon.body)).toEqual(["Invalid authorization."]);
      const unknown = await gql(station, FAVORITE_SONG_MUTATION, { id: 1 }, { token: kana });
      expect(messages(unknown.body)).toEqual(["No song found."]);
    });

    it("lists favorites per station with epoch-ms createdAt strings (FavoritesQuery)", async () => {
      const jpop = await gql(
        station,
        FAVORITES_QUERY,
        { username: "@me", offset: 0, count: 2500, kpop: false },
        { token: kana },
      );
      const list = jpop.body.data.user.favorites.favorites;
      expect(list.length).toBeGreaterThanOrEqual(1);
      const jpopIds = station.catalogue.library.jpop.map((s) => s.id);
      for (const fav of list) {
        expect(jpopIds).toContain(fav.song.id);
        expect(fav.createdAt).toMatch(/^\d{13}$/);
        expect(Object.keys(fav.song)).toEqual(["id", "title", "titleRomaji", "artists"]);
      }
      const kpop = await gql(
        station,
        FAVORITES_QUERY,
        { username: "@me", offset: 0, count: 2500, kpop: true },
        { token: kana },
      );
      const kpopIds = station.catalogue.library.kpop.map((s) => s.id);
      const kpopList = kpop.body.data.user.favorites.favorites;
      // kana's seed has one K-pop favorite; an empty list would make the loop below prove nothing.
      expect(kpopList.length).toBeGreaterThanOrEqual(1);
      for (const fav of kpopList) expect(kpopIds).toContain(fav.song.id);
      const paged = await gql(station, FAVORITES_QUERY, {
        username: "kana",
        offset: 1,
        count: 1,
        kpop: null,
      });
      expect(paged.body.data.user.favorites.favorites).toHaveLength(1);
    });
  });

  describe("play history", () => {
    it("returns the station's recent plays, current song first (PlayHistoryQuery)", async () => {
      for (const [kpop, key] of [
        [false, "jpop"],
        [true, "kpop"],
      ]) {
        const { body } = await gql(station, PLAY_HISTORY_QUERY, { kpop });
        expect(body.errors).toBeUndefined();
        const songs = body.data.playStatistics.songs;
        expect(songs).toHaveLength(10);
        const state = station.state().stations[key];
        expect(songs[0].song.id).toBe(state.song.id);
        expect(songs[1].song.id).toBe(state.lastPlayed[0].id);
        expect(songs[2].song.id).toBe(state.lastPlayed[1].id);
        expect(songs[0].song).toMatchObject({ enabled: true, duration: expect.any(Number) });
      }
    });

    it("gives createdAt as descending epoch-ms strings and grows as songs play", async () => {
      const query =
        "query { playStatistics(offset: 0, count: 8, kpop: false) { count songs { id createdAt jpop kpop song { id } requester { username } } } }";
      const before = (await gql(station, query)).body.data.playStatistics;
      const times = before.songs.map((s) => s.createdAt);
      for (const t of times) expect(t).toMatch(/^\d{13}$/);
      expect([...times].sort().reverse()).toEqual(times);
      expect(before.songs[0]).toMatchObject({ jpop: true, kpop: false });
      station.next("jpop");
      const after = (await gql(station, query)).body.data.playStatistics;
      expect(after.count).toBe(before.count + 1);
      expect(after.songs[1].song.id).toBe(before.songs[0].song.id);
      expect(Number(after.songs[0].createdAt)).toBeGreaterThan(Number(before.songs[0].createdAt));
    });
  });

  it("queues a requested song, which plays next with the requester (RequestSong)", async () => {
    const current = station.state().stations.kpop.song.id;
    const target = station.catalogue.stations.kpop.find((s) => s.id !== current).id;
    const res = await gql(station, REQUEST_SONG_MUTATION, { id: target, kpop: true }, { token: kana });
    expect(res.body).toEqual({ data: { requestSong: { id: target } } });
    const again = await gql(station, REQUEST_SONG_MUTATION, { id: target, kpop: true }, { token: kana });
    expect(messages(again.body)).toEqual(["Song already queued."]);
    station.next("kpop");
    const state = station.state().stations.kpop;
    expect(state.song.id).toBe(target);
    expect(state.requester).toMatchObject({ username: "kana", displayName: "Kana" });
  });

  describe("HTTP edge cases", () => {
    it("answers 400 with an errors envelope for a non-JSON body or a missing query", async () => {
      for (const body of ["not json", "{}", '{"query": 5}', "[]"]) {
        const res = await fetch(`${station.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(res.status).toBe(400);
        const json = await res.json();
        expect(json.errors[0].message).toEqual(expect.any(String));
      }
    });

    it("answers 400 for parse and validation errors", async () => {
      const parse = await gql(station, "query {", {});
      expect(parse.status).toBe(400);
      expect(parse.body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
      const invalid = await gql(station, "query { nope }", {});
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    });

    it("answers CORS preflights with the request Origin in dev mode", async () => {
      const res = await fetch(`${station.url}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin: "http://127.0.0.1:5173",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
      expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
      const post = await gql(
        station,
        USER_QUERY_ANDROID,
        { username: "kana" },
        { headers: { origin: "http://x.test" } },
      );
      expect(post.headers.get("access-control-allow-origin")).toBe("http://x.test");
    });
  });
});

describe("GraphQL with cors: strict and a short two-factor window", () => {
  let station;
  beforeAll(async () => {
    station = await startStation({
      cors: "strict",
      mfaTokenTtlMs: 200,
      mfaCode: "135790",
      listenerDrift: false,
    });
  });
  afterAll(() => station.close());

  it("sends no CORS headers", async () => {
    const res = await fetch(`${station.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "http://x.test" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const post = await gql(
      station,
      USER_QUERY_ANDROID,
      { username: "kana" },
      { headers: { origin: "http://x.test" } },
    );
    expect(post.status).toBe(200);
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("uses the configured code and expires the temporary token", async () => {
    const login = async () =>
      (await gql(station, LOGIN_MUTATION, { username: "mika", password: "mika-password" })).body.data.login
        .token;
    const fresh = await login();
    const ok = await gql(station, LOGIN_MFA_MUTATION, { otpToken: "135790" }, { token: fresh });
    expect(ok.body.data.loginMFA.token).toMatch(JWT_SHAPE);
    const stale = await login();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const expired = await gql(station, LOGIN_MFA_MUTATION, { otpToken: "135790" }, { token: stale });
    expect(messages(expired.body)).toEqual(["Invalid authorization."]);
  });
});
