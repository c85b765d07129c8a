// What a logged-in listener does with the library (docs graphql-library.md): favorites pages,
// search, song requests and queue counters. Resolvers only; graphql.mjs serves them.
//
// Station choices where production's behaviour is unknown (README "GraphQL"):
// - `kpop` null means both stations (favorites, search, requestRandomFavorite, userQueue).
// - `search` answers `Song`s, or with `favoritesOnly` the user's `Favorite`s (auth required).
// - The daily limit is the best role's `songRequests` + `additionalSongRequests`, per UTC day.

import { alreadyQueued, limitReached, noFavorite, notFound, OPERATION_ERRORS } from "./graphql-errors.mjs";
import { createRandom } from "./random.mjs";

const SEARCH_LIMIT = { default: 50, max: 500 };

const fold = (text) => (text ?? "").normalize("NFKC").toLocaleLowerCase("en");
const stationOf = (kpop) => (kpop == null ? null : kpop ? "kpop" : "jpop");

/** Offset/count paging that tolerates negatives and nulls, as production's resolvers seem to. */
function page(list, offset, count) {
  const start = Math.max(0, offset ?? 0);
  return list.slice(start, count != null ? start + Math.max(0, count) : undefined);
}

/**
 * @param {object} deps
 * @param {import("./catalogue.mjs").Catalogue} deps.catalogue
 * @param {Record<"jpop"|"kpop", import("./stations.mjs").Station>} deps.stations
 * @param {ReturnType<typeof import("./accounts.mjs").createFavorites>} deps.favorites
 * @param {ReturnType<typeof import("./requests-ledger.mjs").createRequestLedger>} deps.ledger
 * @param {import("./faults.mjs").Faults} deps.faults
 * @param {number} deps.seed
 * @param {ReturnType<typeof import("./graphql-objects.mjs").createObjects>["songObject"]} deps.songObject
 * @param {(profile: object) => object} deps.userObject
 * @param {(ctx: object) => import("./accounts.mjs").Account} deps.requireUser
 */
export function createLibrary({
  catalogue,
  stations,
  favorites,
  ledger,
  faults,
  seed,
  songObject,
  userObject,
  requireUser,
}) {
  const randomFavorites = createRandom(seed ^ 0x72616e64);

  /** Throws the error an active "operation" fault for this field asks for. */
  const checkFault = (field) => {
    const fault = faults.find("operation", { mode: field });
    if (!fault) return;
    faults.consume(fault);
    throw (OPERATION_ERRORS[fault.params.error] ?? OPERATION_ERRORS.server)();
  };

  const favoriteObject = (profile, f) => ({
    __typename: "Favorite",
    tags: [],
    notes: null,
    createdAt: String(f.createdAt),
    song: songObject(catalogue.songs.get(f.songId)),
    user: () => userObject(profile),
  });

  /** A user's favorites on a station (null: both), most recent first. */
  const favoritesOf = (username, station) =>
    favorites
      .list(username)
      .filter((f) => catalogue.songs.has(f.songId))
      .filter((f) => station == null || catalogue.songs.get(f.songId).station === station);

  const matches = (song, needle) => {
    const names = (ids, table) => ids.flatMap((id) => [table.get(id).name, table.get(id).nameRomaji]);
    return [
      song.title,
      song.titleRomaji,
      ...names(song.artists, catalogue.artists),
      ...names(song.albums, catalogue.albums),
      ...names(song.sources, catalogue.sources),
    ].some((text) => fold(text).includes(needle));
  };
  /** Title hits before artist/album/source hits; prefix hits first. Stable otherwise. */
  const rank = (song, needle) => {
    const titles = [fold(song.title), fold(song.titleRomaji)];
    if (titles.some((t) => t.startsWith(needle))) return 0;
    return titles.some((t) => t.includes(needle)) ? 1 : 2;
  };

  const isQueuedOrPlaying = (song) => {
    const station = stations[song.station];
    return station.current.songId === song.id || station.requests.some((r) => r.songId === song.id);
  };
  const dailyLimit = (account) =>
    Math.max(0, ...account.roles.map((r) => r.songRequests ?? 0)) + (account.additionalSongRequests ?? 0);
  const request = (account, song) => {
    if (isQueuedOrPlaying(song)) throw alreadyQueued();
    if (ledger.usedToday(account.username) >= dailyLimit(account)) throw limitReached();
    ledger.add(account, song);
    return songObject(song);
  };

  /** `{amount, before}` on one station: the user's queued requests and the songs ahead of the first. */
  const queueInfo = (station, username) => {
    const index = station.requests.findIndex((r) => r.account.username === username);
    const amount = station.requests.filter((r) => r.account.username === username).length;
    return { amount, before: Math.max(index, 0) };
  };

  /** User fields that come from the library. */
  const userFields = (profile) => ({
    favorites: ({ offset, count, kpop, songId }) => {
      checkFault("favorites");
      let list = favoritesOf(profile.username, stationOf(kpop));
      if (songId != null) list = list.filter((f) => f.songId === songId);
      return {
        count: list.length,
        favorites: page(list, offset, count).map((f) => favoriteObject(profile, f)),
      };
    },
    requests: () => {
      checkFault("requests");
      const list = ledger.of(profile.username);
      return {
        count: list.length,
        requests: list.map((entry) => requestObject(entry, profile)),
      };
    },
  });

  const requestObject = (entry, requester) => ({
    createdAt: String(entry.createdAt),
    isEvent: false,
    processed: ledger.processed(entry),
    jpop: entry.station === "jpop",
    kpop: entry.station === "kpop",
    song: songObject(catalogue.songs.get(entry.songId)),
    requester: () => userObject(requester),
  });

  const root = {
    search: ({ query, favoritesOnly, kpop, offset, limit }, ctx) => {
      checkFault("search");
      const needle = fold(String(query)).trim();
      const station = stationOf(kpop);
      const size = Math.min(SEARCH_LIMIT.max, Math.max(0, limit ?? SEARCH_LIMIT.default));
      if (favoritesOnly) {
        const account = requireUser(ctx);
        const hits = favoritesOf(account.username, station).filter((f) =>
          matches(catalogue.songs.get(f.songId), needle),
        );
        return page(hits, offset, size).map((f) => favoriteObject(account, f));
      }
      if (needle === "") return [];
      const pool = station
        ? catalogue.library[station]
        : [...catalogue.library.jpop, ...catalogue.library.kpop];
      const hits = pool
        .filter((song) => matches(song, needle))
        .map((song, i) => ({ song, i, r: rank(song, needle) }))
        .sort((a, b) => a.r - b.r || a.i - b.i)
        .map(({ song }) => song);
      return page(hits, offset, size).map(songObject);
    },
    requestSong: ({ id, kpop }, ctx) => {
      const account = requireUser(ctx);
      checkFault("requestSong");
      const song = catalogue.songs.get(id);
      if (!song || (kpop != null && song.station !== stationOf(kpop))) throw notFound();
      return request(account, song);
    },
    requestRandomFavorite: ({ kpop }, ctx) => {
      const account = requireUser(ctx);
      checkFault("requestRandomFavorite");
      const candidates = favoritesOf(account.username, stationOf(kpop))
        .map((f) => catalogue.songs.get(f.songId))
        .filter((song) => !isQueuedOrPlaying(song));
      if (candidates.length === 0) throw noFavorite();
      return request(account, randomFavorites.pick(candidates));
    },
    queue: ({ kpop }) => {
      checkFault("queue");
      const station = stations[kpop ? "kpop" : "jpop"];
      return station.backgroundQueue + station.requests.length;
    },
    userQueue: ({ kpop }, ctx) => {
      const account = requireUser(ctx);
      checkFault("userQueue");
      const keys = stationOf(kpop) ? [stationOf(kpop)] : ["jpop", "kpop"];
      const infos = keys.map((key) => queueInfo(stations[key], account.username)).filter((q) => q.amount > 0);
      return {
        amount: infos.reduce((n, q) => n + q.amount, 0),
        before: infos.length ? Math.min(...infos.map((q) => q.before)) : 0,
      };
    },
    requests: ({ kpop }) => {
      checkFault("requests");
      const station = stations[kpop ? "kpop" : "jpop"];
      return station.requests.map((item) => ({
        createdAt: String(item.createdAt),
        isEvent: false,
        processed: false,
        jpop: station.key === "jpop",
        kpop: station.key === "kpop",
        song: songObject(catalogue.songs.get(item.songId)),
        requester: () => userObject(item.account),
      }));
    },
  };

  return { root, userFields, checkFault };
}
