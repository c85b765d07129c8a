// Shape assertions for gateway payloads, written from protocol §2.7 and §3.1-§3.2.

import { expect } from "vitest";

const NAMED_KEYS = ["id", "name", "nameRomaji", "image"];

function expectNamed(item) {
  expect(Object.keys(item)).toEqual(NAMED_KEYS);
  expect(typeof item.id).toBe("number");
  for (const key of ["name", "nameRomaji", "image"]) {
    expect(item[key] === null || typeof item[key] === "string").toBe(true);
  }
}

/**
 * Asserts a gateway song object. v2: id, title, sources, artists (with character refs),
 * characters, albums, duration; no favorite, no titleRomaji. seed: no characters anywhere,
 * `favorite` exactly when `favorite` is expected.
 * @param {any} song
 * @param {{protocol?: "v2"|"seed", favorite?: boolean}} [opts]
 */
export function expectGatewaySong(song, opts = {}) {
  const protocol = opts.protocol ?? "v2";
  const keys =
    protocol === "v2"
      ? ["id", "title", "sources", "artists", "characters", "albums", "duration"]
      : ["id", "title", "sources", "artists", "albums", "duration", ...(opts.favorite ? ["favorite"] : [])];
  expect(Object.keys(song)).toEqual(keys);
  expect(Number.isInteger(song.id)).toBe(true);
  expect(typeof song.title).toBe("string");
  expect(Number.isInteger(song.duration) && song.duration >= 0).toBe(true);
  expect(song).not.toHaveProperty("titleRomaji");
  if (protocol === "v2") expect(song).not.toHaveProperty("favorite");
  else if (opts.favorite) expect(typeof song.favorite).toBe("boolean");
  for (const source of song.sources) expectNamed(source);
  for (const album of song.albums) expectNamed(album);
  for (const artist of song.artists) {
    if (protocol === "v2") {
      expect(Object.keys(artist)).toEqual([...NAMED_KEYS, "characters"]);
      for (const ref of artist.characters) {
        expect(Object.keys(ref)).toEqual(["id"]);
        // Character references resolve against song.characters.
        expect(song.characters.map((c) => c.id)).toContain(ref.id);
      }
    } else {
      expect(Object.keys(artist)).toEqual(NAMED_KEYS);
    }
  }
  if (protocol === "v2") for (const character of song.characters) expectNamed(character);
}

/**
 * Asserts the `d` of an op 1 TRACK_UPDATE / TRACK_UPDATE_REQUEST.
 * @param {any} d
 * @param {{protocol?: "v2"|"seed", authed?: boolean, imageOrigin?: string}} [opts]
 */
export function expectTrackPayload(d, opts = {}) {
  const protocol = opts.protocol ?? "v2";
  const authed = Boolean(opts.authed);
  expect(Object.keys(d)).toEqual([
    "song",
    "requester",
    "event",
    "startTime",
    "lastPlayed",
    ...(authed ? ["queue"] : []),
    "listeners",
  ]);
  expectGatewaySong(d.song, { protocol, favorite: authed });
  if (d.requester !== null) {
    expect(Object.keys(d.requester)).toEqual(["uuid", "username", "displayName"]);
  }
  if (d.event !== null) {
    expect(Object.keys(d.event)).toEqual(["id", "name", "slug", "presence", "image"]);
    expect(d.event.image).toMatch(/^https?:\/\//);
    // Production-shaped: a full URL on another origin than the CDN, and the song without albums.
    if (opts.imageOrigin) expect(new URL(d.event.image).origin).toBe(opts.imageOrigin);
    expect(d.song.albums).toEqual([]);
  }
  expect(d.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  expect(d.lastPlayed).toHaveLength(2);
  for (const song of d.lastPlayed) expectGatewaySong(song, { protocol, favorite: authed });
  expect(Number.isInteger(d.listeners) && d.listeners > 0).toBe(true);
  if (authed) expect(Object.keys(d.queue)).toEqual(["inQueue", "inQueueByUser", "inQueueBeforeUser"]);
}
