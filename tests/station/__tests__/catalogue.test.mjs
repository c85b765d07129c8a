import { describe, expect, it } from "vitest";
import { createFavorites, DEMO_ACCOUNTS, findAccount, KANA_FAVORITES } from "../accounts.mjs";
import { buildCatalogue, gatewaySong } from "../catalogue.mjs";
import { GENERATED_SONGS } from "../catalogue-generated.mjs";
import { Station } from "../stations.mjs";
import { expectGatewaySong } from "./helpers/shapes.mjs";

const HANGUL = /[\uac00-\ud7a3]/;
const KANA_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("catalogue", () => {
  const catalogue = buildCatalogue(42);
  const artists = [...catalogue.artists.values()];
  const albums = [...catalogue.albums.values()];

  it("has 25+ songs per station, with native and romanized titles", () => {
    const { jpop, kpop } = catalogue.stations;
    expect(jpop.length).toBeGreaterThanOrEqual(25);
    expect(kpop.length).toBeGreaterThanOrEqual(25);
    expect(jpop.filter((s) => KANA_KANJI.test(s.title)).length).toBeGreaterThan(10);
    expect(kpop.filter((s) => HANGUL.test(s.title)).length).toBeGreaterThan(10);
    expect(jpop.some((s) => /^[\x20-\x7e]+$/.test(s.title))).toBe(true);
    expect(kpop.some((s) => /^[\x20-\x7e]+$/.test(s.title))).toBe(true);
    for (const song of [...jpop, ...kpop]) {
      expect(song.duration).toBeGreaterThanOrEqual(60);
      expect(song.duration).toBeLessThanOrEqual(280);
    }
  });

  it("uses one id space for both stations", () => {
    const ids = [...catalogue.stations.jpop, ...catalogue.stations.kpop].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("contains the realistic oddities of production data", () => {
    expect(artists.some((a) => a.name === null && a.nameRomaji)).toBe(true);
    expect(artists.some((a) => a.name && a.nameRomaji === null)).toBe(true);
    expect(artists.some((a) => a.characters.length > 0)).toBe(true);
    expect(albums.some((a) => a.image && /[^ -~]/.test(a.image) && a.image.includes(" "))).toBe(true);
    expect(albums.some((a) => a.image?.includes("%"))).toBe(true);
    expect(albums.some((a) => a.image?.includes("#"))).toBe(true);
    expect([...catalogue.sources.values()].some((s) => s.name === null && s.nameRomaji)).toBe(true);
    const songs = [...catalogue.songs.values()];
    expect(songs.some((s) => s.albums.length === 0)).toBe(true);
    expect(songs.some((s) => s.characters.length > 0)).toBe(true);
    expect(songs.some((s) => s.artists.length > 1)).toBe(true);
  });

  it("renders every song in the documented gateway shapes", () => {
    for (const song of catalogue.songs.values()) {
      const v2 = gatewaySong(catalogue, song);
      expectGatewaySong(v2);
      expectGatewaySong(gatewaySong(catalogue, song, { protocol: "seed" }), { protocol: "seed" });
      expectGatewaySong(gatewaySong(catalogue, song, { protocol: "seed", favorite: true }), {
        protocol: "seed",
        favorite: true,
      });
    }
  });

  it("is deterministic per seed", () => {
    expect(buildCatalogue(42)).toEqual(catalogue);
    expect(buildCatalogue(7).stations.jpop.map((s) => s.id)).not.toEqual(
      catalogue.stations.jpop.map((s) => s.id),
    );
  });

  it("keeps the hand-written songs' ids when the back catalogue is added", () => {
    // Pinned from the catalogue before the back catalogue existed (seed 42): tests and e2e runs
    // that name these songs must keep finding them.
    expect(catalogue.stations.jpop.slice(0, 3).map((s) => s.id)).toEqual([6017, 15144, 10264]);
    expect(catalogue.stations.kpop.slice(0, 3).map((s) => s.id)).toEqual([12972, 19985, 7001]);
  });

  it("has a back catalogue per station: rotation first, unique ids and titles, all indexed", () => {
    for (const key of ["jpop", "kpop"]) {
      const library = catalogue.library[key];
      const rotation = catalogue.stations[key];
      expect(library.length).toBe(rotation.length + GENERATED_SONGS[key]);
      expect(library.slice(0, rotation.length)).toEqual(rotation);
      expect(new Set(library.map((s) => s.title)).size).toBe(library.length);
      for (const song of library) {
        expect(song.station).toBe(key);
        expect(catalogue.songs.get(song.id)).toBe(song);
        for (const id of song.artists) expect(catalogue.artists.has(id)).toBe(true);
        for (const id of song.albums) expect(catalogue.albums.has(id)).toBe(true);
        for (const id of song.sources) expect(catalogue.sources.has(id)).toBe(true);
      }
    }
    const all = [...catalogue.library.jpop, ...catalogue.library.kpop];
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(catalogue.songs.size).toBe(all.length);
  });

  it("gives the stations a deterministic, independent rotation", () => {
    const rotation = (seed, key) => {
      const station = new Station({
        key,
        catalogue: buildCatalogue(seed),
        seed,
        speed: 1,
        listenerDrift: false,
      });
      const ids = [station.current.songId];
      for (let i = 0; i < 5; i++) {
        station.advance();
        ids.push(station.current.songId);
      }
      station.stop();
      return { ids, history: station.history.length };
    };
    expect(rotation(42, "jpop")).toEqual(rotation(42, "jpop"));
    expect(rotation(42, "jpop").history).toBe(25);
    const kpopIds = new Set(catalogue.stations.kpop.map((s) => s.id));
    for (const id of rotation(42, "kpop").ids) expect(kpopIds.has(id)).toBe(true);
  });
});

describe("demo accounts", () => {
  it("exports kana (no two-factor) and mika (two-factor)", () => {
    expect(DEMO_ACCOUNTS.map((a) => [a.username, a.password, a.displayName, a.mfa])).toEqual([
      ["kana", "kana-password", "Kana", false],
      ["mika", "mika-password", "Mika", true],
    ]);
    expect(findAccount("mika@example.test")?.username).toBe("mika");
    expect(findAccount("KANA")?.username).toBe("kana");
    expect(findAccount("nobody")).toBeNull();
  });

  it("seeds kana with 2,600 favorites: four rotation songs first, the rest from the back catalogue", () => {
    const now = 1_800_000_000_000;
    const catalogue = buildCatalogue(42);
    const list = createFavorites(catalogue, now).list("kana");
    expect(list).toHaveLength(2600);
    const stationOf = (f) => catalogue.songs.get(f.songId).station;
    expect(list.filter((f) => stationOf(f) === "jpop")).toHaveLength(KANA_FAVORITES.jpop);
    expect(list.filter((f) => stationOf(f) === "kpop")).toHaveLength(KANA_FAVORITES.kpop);
    expect(new Set(list.map((f) => f.songId)).size).toBe(2600);
    const rotation = new Set([...catalogue.stations.jpop, ...catalogue.stations.kpop].map((s) => s.id));
    expect(list.slice(0, 4).every((f) => rotation.has(f.songId))).toBe(true);
    expect(list.slice(4).some((f) => rotation.has(f.songId))).toBe(false);
    for (const f of list) expect(f.createdAt).toBeLessThan(now);
    expect(createFavorites(catalogue, now).list("kana")).toEqual(list);
  });
});
