// Conformance of the logged-in library operations (docs graphql-library.md; protocol §4.2):
// favorites pages, search, song requests, queue counters and the "operation" fault.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findAccount, KANA_FAVORITES } from "../accounts.mjs";
import { startStation } from "../server.mjs";
import { control } from "./helpers/control.mjs";
import { connectV2 } from "./helpers/gateway-client.mjs";
import { loginToken } from "./helpers/login.mjs";
import { REQUEST_SONG_MUTATION } from "./helpers/operations.mjs";

const FAVORITES_PAGE = `query ($offset: Int, $count: Int, $kpop: Boolean, $songId: Int) {
  user(username: "@me") {
    favorites(offset: $offset, count: $count, kpop: $kpop, songId: $songId) {
      favorites { createdAt tags notes user { username } song { id title jpop kpop } }
      count
    }
  }
}`;
const SEARCH = `query ($query: ID!, $kpop: Boolean, $favoritesOnly: Boolean, $offset: Int, $limit: Int) {
  search(query: $query, kpop: $kpop, favoritesOnly: $favoritesOnly, offset: $offset, limit: $limit) {
    __typename
    ... on Song { id title titleRomaji kpop }
    ... on Favorite { createdAt song { id title kpop } }
  }
}`;
const RANDOM_FAVORITE = "mutation ($kpop: Boolean) { requestRandomFavorite(kpop: $kpop) { id kpop } }";
const USER_QUEUE = "query ($kpop: Boolean) { userQueue(kpop: $kpop) { amount before } }";
const QUEUE = "query ($kpop: Boolean) { queue(kpop: $kpop) }";
const USER_QUEUE_PRODUCTION = "query { userQueue { amount before } queue }";
const MY_REQUESTS = `query { user(username: "@me") {
  requests { count requests { createdAt processed jpop kpop song { id } requester { username } } }
} }`;

async function gql(station, query, variables, token) {
  const res = await fetch(`${station.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}
const messages = (body) => body.errors?.map((e) => e.message);
const codes = (body) => body.errors?.map((e) => e.extensions.code);

describe("library operations", () => {
  let station;
  let kana;
  let mika;
  /** Back-catalogue songs of a station that are neither playing nor queued. */
  const freeSongs = (key) => {
    const s = station.stations[key];
    return station.catalogue.library[key]
      .slice(station.catalogue.stations[key].length)
      .filter((song) => song.id !== s.current.songId && !s.requests.some((r) => r.songId === song.id));
  };
  const request = (id, kpop, token = kana) => gql(station, REQUEST_SONG_MUTATION, { id, kpop }, token);

  beforeAll(async () => {
    station = await startStation({ listenerDrift: false });
    kana = await loginToken(station, "kana");
    // mika has two-factor; take her session token from the store directly.
    mika = station.tokens.issue(findAccount("mika"), "session");
  });
  beforeEach(() => station.reset({ favorites: true, requests: true }));
  afterAll(() => station.close());

  describe("user.favorites (FavoriteAndCount)", () => {
    it("gives kana 2,600 favorites over both stations, with the per-station counts", async () => {
      for (const [kpop, expected] of [
        [null, KANA_FAVORITES.jpop + KANA_FAVORITES.kpop],
        [false, KANA_FAVORITES.jpop],
        [true, KANA_FAVORITES.kpop],
      ]) {
        const { body } = await gql(station, FAVORITES_PAGE, { offset: 0, count: 1, kpop }, kana);
        expect(body.data.user.favorites.count).toBe(expected);
      }
      expect(KANA_FAVORITES.jpop + KANA_FAVORITES.kpop).toBe(2600);
    });

    it("pages by offset/count: the pages join into the whole list, newest first, with epoch-ms strings", async () => {
      const all = (await gql(station, FAVORITES_PAGE, { kpop: true }, kana)).body.data.user.favorites;
      expect(all.favorites).toHaveLength(all.count);
      const pages = [];
      for (let offset = 0; offset < all.count; offset += 300) {
        const { body } = await gql(station, FAVORITES_PAGE, { offset, count: 300, kpop: true }, kana);
        expect(body.data.user.favorites.count).toBe(all.count);
        pages.push(...body.data.user.favorites.favorites);
      }
      expect(pages.map((f) => f.song.id)).toEqual(all.favorites.map((f) => f.song.id));
      expect(new Set(pages.map((f) => f.song.id)).size).toBe(pages.length);
      const times = pages.map((f) => f.createdAt);
      for (const t of times) expect(t).toMatch(/^\d{13}$/);
      for (let i = 1; i < times.length; i++)
        expect(Number(times[i])).toBeLessThanOrEqual(Number(times[i - 1]));
      for (const f of pages) {
        expect(f).toMatchObject({ tags: [], notes: null, user: { username: "kana" } });
        expect(f.song).toMatchObject({ kpop: true, jpop: false });
      }
    });

    it.each([
      ["past the end", { offset: 5000, count: 10 }, 0],
      ["a negative offset as 0", { offset: -3, count: 2 }, 2],
      ["count 0", { offset: 0, count: 0 }, 0],
    ])("treats %s", async (_name, vars, length) => {
      const { body } = await gql(station, FAVORITES_PAGE, { ...vars, kpop: false }, kana);
      expect(body.data.user.favorites.favorites).toHaveLength(length);
      expect(body.data.user.favorites.count).toBe(KANA_FAVORITES.jpop);
    });

    it("checks one song with songId, and favoriteSong toggles the same set", async () => {
      const fav = station.favorites.list("kana").at(-1).songId;
      const one = (await gql(station, FAVORITES_PAGE, { songId: fav }, kana)).body.data.user.favorites;
      expect(one.count).toBe(1);
      expect(one.favorites[0].song.id).toBe(fav);
      const toggle = `mutation { favoriteSong(id: ${fav}) { id } }`;
      expect((await gql(station, toggle, {}, kana)).body).toEqual({ data: { favoriteSong: { id: fav } } });
      const gone = (await gql(station, FAVORITES_PAGE, { songId: fav }, kana)).body.data.user.favorites;
      expect(gone).toEqual({ favorites: [], count: 0 });
      const total = (await gql(station, FAVORITES_PAGE, { count: 0 }, kana)).body.data.user.favorites.count;
      expect(total).toBe(2599);
      await gql(station, toggle, {}, kana);
      const back = (await gql(station, FAVORITES_PAGE, { count: 1 }, kana)).body.data.user.favorites;
      expect(back.count).toBe(2600);
      expect(back.favorites[0].song.id).toBe(fav); // re-favorited now: the newest
    });

    it("is deterministic: the same seed gives kana the same favorites", async () => {
      const other = await startStation({ listenerDrift: false });
      try {
        expect(other.favorites.snapshot().kana).toEqual(station.favorites.snapshot().kana);
      } finally {
        await other.close();
      }
    });
  });

  describe("search (SongOrFavorite)", () => {
    const song = () => station.catalogue.library.jpop.find((s) => s.albums.length && s.titleRomaji);
    const named = (table, id) => station.catalogue[table].get(id);
    it.each([
      ["the native title", (s) => s.title],
      ["the romaji title, lower case", (s) => s.titleRomaji.toLowerCase()],
      ["the romaji title, upper case", (s) => s.titleRomaji.toUpperCase()],
      ["part of the romaji title", (s) => s.titleRomaji.slice(1, 6)],
      ["an artist", (s) => named("artists", s.artists[0]).nameRomaji ?? named("artists", s.artists[0]).name],
      ["an album", (s) => named("albums", s.albums[0]).name.toUpperCase()],
    ])("finds a song by %s", async (_name, term) => {
      const target = song();
      const { body } = await gql(station, SEARCH, { query: term(target), kpop: false, limit: 500 });
      expect(body.errors).toBeUndefined();
      expect(body.data.search.map((r) => r.id)).toContain(target.id);
      for (const r of body.data.search) expect(r).toMatchObject({ __typename: "Song", kpop: false });
    });

    it("finds a song by a source, and K-pop songs by Hangul", async () => {
      const withSource = station.catalogue.library.kpop.find((s) => s.sources.length);
      const source = named("sources", withSource.sources[0]);
      const bySource = await gql(station, SEARCH, { query: source.nameRomaji, kpop: true, limit: 500 });
      expect(bySource.body.data.search.map((r) => r.id)).toContain(withSource.id);
      const hangul = await gql(station, SEARCH, { query: "별빛", kpop: true });
      expect(hangul.body.data.search.length).toBeGreaterThan(0);
      for (const r of hangul.body.data.search) expect(r.kpop).toBe(true);
    });

    it("pages with offset/limit and answers [] for no match or a blank query", async () => {
      const all = (await gql(station, SEARCH, { query: "hoshi", limit: 500 })).body.data.search;
      expect(all.length).toBeGreaterThan(20);
      const second = (await gql(station, SEARCH, { query: "hoshi", offset: 10, limit: 10 })).body.data.search;
      expect(second.map((r) => r.id)).toEqual(all.slice(10, 20).map((r) => r.id));
      for (const query of ["zzzz-no-such-song", "   "]) {
        expect((await gql(station, SEARCH, { query })).body).toEqual({ data: { search: [] } });
      }
    });

    it("with favoritesOnly answers the user's Favorites, and needs a login", async () => {
      const { body } = await gql(station, SEARCH, { query: "a", favoritesOnly: true, limit: 50 }, kana);
      const favs = new Set(station.favorites.snapshot().kana);
      expect(body.data.search).toHaveLength(50);
      for (const r of body.data.search) {
        expect(r.__typename).toBe("Favorite");
        expect(r.createdAt).toMatch(/^\d{13}$/);
        expect(favs.has(r.song.id)).toBe(true);
      }
      const everything = await gql(
        station,
        SEARCH,
        { query: "", favoritesOnly: true, kpop: true, limit: 500 },
        kana,
      );
      expect(everything.body.data.search).toHaveLength(500);
      for (const r of everything.body.data.search) expect(r.song.kpop).toBe(true);
      const anon = await gql(station, SEARCH, { query: "a", favoritesOnly: true });
      expect(anon.body.data).toBeNull();
      expect(messages(anon.body)).toEqual(["Invalid authorization."]);
    });
  });

  describe("requests and queue", () => {
    it("plays a requested song next on its station, with the requester in the gateway frame", async () => {
      const { client } = await connectV2(station, "/kpop/gateway_v2");
      try {
        const target = freeSongs("kpop")[0];
        const before = (await gql(station, QUEUE, { kpop: true })).body.data.queue;
        expect((await request(target.id, true)).body).toEqual({ data: { requestSong: { id: target.id } } });
        expect((await gql(station, QUEUE, { kpop: true })).body.data.queue).toBe(before + 1);
        expect((await gql(station, USER_QUEUE, { kpop: true }, kana)).body.data.userQueue).toEqual({
          amount: 1,
          before: 0,
        });
        station.next("kpop");
        const frame = await client.nextDispatch("TRACK_UPDATE");
        expect(frame.d.song.id).toBe(target.id);
        expect(frame.d.requester).toMatchObject({ username: "kana", displayName: "Kana" });
        expect((await gql(station, USER_QUEUE, { kpop: true }, kana)).body.data.userQueue).toEqual({
          amount: 0,
          before: 0,
        });
      } finally {
        client.close();
      }
    });

    it("refuses a song that is queued or playing (Song already queued.)", async () => {
      const target = freeSongs("jpop")[0];
      await request(target.id, false);
      const playing = station.stations.jpop.current.songId;
      for (const [id, token] of [
        [target.id, kana],
        [target.id, mika],
        [playing, kana],
      ]) {
        const { status, body } = await request(id, false, token);
        expect(status).toBe(200);
        expect(body.data).toBeNull();
        expect(messages(body)).toEqual(["Song already queued."]);
        expect(codes(body)).toEqual(["FORBIDDEN"]);
      }
    });

    it("enforces a daily limit per user from their roles, and played requests still count", async () => {
      const songs = freeSongs("jpop");
      for (let i = 0; i < 5; i++) {
        expect((await request(songs[i].id, false)).body.errors).toBeUndefined();
        if (i === 1) station.next("jpop"); // a played request still counts for today
      }
      const refused = await request(songs[5].id, false);
      expect(messages(refused.body)).toEqual(["All requests used for today."]);
      expect(codes(refused.body)).toEqual(["FORBIDDEN"]);
      const random = await gql(station, RANDOM_FAVORITE, { kpop: true }, kana);
      expect(messages(random.body)).toEqual(["All requests used for today."]);
      // mika's Supporter role allows 10: her own count is untouched by kana's.
      expect((await request(songs[6].id, false, mika)).body.errors).toBeUndefined();
      expect(station.state().requestsToday).toEqual({ kana: 5, mika: 1 });
      station.reset({ requests: true });
      expect((await request(songs[5].id, false)).body.errors).toBeUndefined();
    });

    it.each([
      ["an unknown song", () => 1, null, "No song found."],
      ["a song of the other station", (s) => s.catalogue.library.kpop[0].id, false, "No song found."],
    ])("refuses %s", async (_name, id, kpop, message) => {
      expect(messages((await request(id(station), kpop)).body)).toEqual([message]);
    });

    it("reports the user's place: amount and songs before the next one (userQueue)", async () => {
      const songs = freeSongs("jpop");
      await request(songs[0].id, false, mika);
      await request(songs[1].id, false, mika);
      await request(songs[2].id, false);
      await request(songs[3].id, false);
      expect((await gql(station, USER_QUEUE, { kpop: false }, kana)).body.data.userQueue).toEqual({
        amount: 2,
        before: 2,
      });
      expect((await gql(station, USER_QUEUE, { kpop: false }, mika)).body.data.userQueue).toEqual({
        amount: 2,
        before: 0,
      });
      station.next("jpop");
      expect((await gql(station, USER_QUEUE, { kpop: false }, kana)).body.data.userQueue.before).toBe(1);
      // Production's argument-less form covers both stations.
      const both = (await gql(station, USER_QUEUE_PRODUCTION, {}, kana)).body.data;
      expect(both.userQueue).toEqual({ amount: 2, before: 1 });
      expect(both.queue).toBe(station.stations.jpop.backgroundQueue + 3);
      const anon = await gql(station, USER_QUEUE, { kpop: false });
      expect(messages(anon.body)).toEqual(["Invalid authorization."]);
    });

    it("requests a random favorite of the station, never one already queued", async () => {
      const favs = new Set(station.favorites.snapshot().kana);
      const picked = new Set();
      for (let i = 0; i < 3; i++) {
        const { body } = await gql(station, RANDOM_FAVORITE, { kpop: true }, kana);
        expect(body.errors).toBeUndefined();
        expect(body.data.requestRandomFavorite.kpop).toBe(true);
        expect(favs.has(body.data.requestRandomFavorite.id)).toBe(true);
        picked.add(body.data.requestRandomFavorite.id);
      }
      expect(picked.size).toBe(3);
      expect(station.stations.kpop.requests.map((r) => r.songId)).toEqual([...picked]);
    });

    it("answers No favorite found. when every favorite of the station is queued or playing", async () => {
      // mika's only J-pop favorite
      const only = station.favorites
        .list("mika")
        .find((f) => station.catalogue.songs.get(f.songId).station === "jpop");
      if (station.stations.jpop.current.songId !== only.songId) await request(only.songId, false, mika);
      const { body } = await gql(station, RANDOM_FAVORITE, { kpop: false }, mika);
      expect(messages(body)).toEqual(["No favorite found."]);
      expect(codes(body)).toEqual(["NOT_FOUND"]);
    });

    it("lists the user's requests, newest first, processed once played (user.requests)", async () => {
      const songs = freeSongs("kpop");
      await request(songs[0].id, true);
      await request(songs[1].id, true);
      station.next("kpop");
      const { body } = await gql(station, MY_REQUESTS, {}, kana);
      const { count, requests } = body.data.user.requests;
      expect(count).toBe(2);
      expect(requests.map((r) => [r.song.id, r.processed, r.kpop])).toEqual([
        [songs[1].id, false, true],
        [songs[0].id, true, true],
      ]);
      for (const r of requests) {
        expect(r.createdAt).toMatch(/^\d{13}$/);
        expect(r.requester.username).toBe("kana");
      }
      const station_ = (await gql(station, "{ requests(kpop: true) { song { id } requester { username } } }"))
        .body;
      expect(station_.data.requests).toEqual([
        { song: { id: songs[1].id }, requester: { username: "kana" } },
      ]);
    });
  });

  describe("the operation fault", () => {
    const cases = [
      [
        "favorites",
        "server",
        () => [FAVORITES_PAGE, { count: 1 }],
        "Internal server error",
        "INTERNAL_SERVER_ERROR",
      ],
      [
        "search",
        "server",
        () => [SEARCH, { query: "hoshi" }],
        "Internal server error",
        "INTERNAL_SERVER_ERROR",
      ],
      [
        "requestSong",
        "limit",
        () => [REQUEST_SONG_MUTATION, { id: freeSongs("jpop")[0].id, kpop: false }],
        "All requests used for today.",
        "FORBIDDEN",
      ],
      [
        "requestSong",
        "queued",
        () => [REQUEST_SONG_MUTATION, { id: freeSongs("jpop")[0].id, kpop: false }],
        "Song already queued.",
        "FORBIDDEN",
      ],
      [
        "requestSong",
        "unauthenticated",
        () => [REQUEST_SONG_MUTATION, { id: freeSongs("jpop")[0].id }],
        "Invalid authorization.",
        "UNAUTHENTICATED",
      ],
      [
        "requestRandomFavorite",
        "no-favorite",
        () => [RANDOM_FAVORITE, { kpop: true }],
        "No favorite found.",
        "NOT_FOUND",
      ],
      ["userQueue", "server", () => [USER_QUEUE, {}], "Internal server error", "INTERNAL_SERVER_ERROR"],
      ["queue", "server", () => [QUEUE, {}], "Internal server error", "INTERNAL_SERVER_ERROR"],
      ["requests", "server", () => [MY_REQUESTS, {}], "Internal server error", "INTERNAL_SERVER_ERROR"],
      [
        "favoriteSong",
        "not-found",
        () => ["mutation { favoriteSong(id: 1) { id } }", {}],
        "No song found.",
        "NOT_FOUND",
      ],
    ];
    it.each(cases)(
      "fails %s with %s once, in the envelope, then recovers",
      async (field, error, op, message, code) => {
        const set = await control(station, "fault", { type: "operation", field, error, count: 1 });
        expect(set.status).toBe(200);
        const [query, variables] = op();
        const failed = await gql(station, query, variables, kana);
        expect(failed.status).toBe(200);
        expect(messages(failed.body)).toEqual([message]);
        expect(codes(failed.body)).toEqual([code]);
        expect(failed.body.errors[0].path).toContain(field);
        const [again, againVars] = field === "favoriteSong" ? [FAVORITES_PAGE, { count: 1 }] : op();
        const ok = await gql(station, again, againVars, kana);
        expect(ok.body.errors).toBeUndefined();
      },
    );

    it("lasts for durationMs / until clear without count, and rejects unknown fields and errors", async () => {
      await control(station, "fault", { type: "operation", field: "queue" });
      for (let i = 0; i < 2; i++)
        expect(messages((await gql(station, QUEUE, {})).body)).toEqual(["Internal server error"]);
      await control(station, "clear", { type: "operation" });
      expect((await gql(station, QUEUE, {})).body.errors).toBeUndefined();
      for (const bad of [{ field: "nope" }, { field: "queue", error: "nope" }]) {
        const res = await control(station, "fault", { type: "operation", ...bad });
        expect(res.status).toBe(400);
        expect(res.body.ok).toBe(false);
      }
    });
  });
});
