import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Song, SongDisplay } from "@/lib/song";
import type { FavoriteEntry } from "../api/favorites-list";
import {
  filterFavorites,
  type IndexedFavorite,
  indexFavorites,
  normalizeForSearch,
  sortFavorites,
} from "../model/favorites-filter";

const DISPLAY: SongDisplay = {
  preferRomaji: false,
  words: { unknownName: "Unknown", untitled: "Untitled", unknownArtist: "Unknown artist" },
};

const entity = (id: number, name: string | null, nameRomaji: string | null = null) => ({
  id,
  name,
  nameRomaji,
  image: null,
});

function song(id: number, fields: Partial<Song> = {}): Song {
  return {
    id,
    title: `Song ${id}`,
    titleRomaji: null,
    artists: [],
    characters: [],
    albums: [],
    sources: [],
    duration: 0,
    ...fields,
  };
}

const entry = (s: Song, favoritedAt: number | null = s.id): FavoriteEntry => ({ song: s, favoritedAt });

describe("normalizeForSearch", () => {
  it.each([
    ["ＡＢＣ１２３", "abc123"], // full-width letters and digits
    ["ｶﾀｶﾅ", "カタカナ"], // half-width kana
    ["Kōhai Café", "kohai cafe"], // Latin accents
    ["ガギグ", "ガギグ"], // kana voicing marks stay: they change the word
    ["ÄÖÜ straße", "aou straße"],
    ["LiSA", "lisa"],
    ["ｇｕｒｅｎｇｅ", "gurenge"],
  ])("%s → %s", (text, expected) => {
    expect(normalizeForSearch(text)).toBe(expected);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => normalizeForSearch(normalizeForSearch(text)) === normalizeForSearch(text),
      ),
    );
  });
});

describe("filterFavorites", () => {
  const items = indexFavorites(
    [
      entry(
        song(1, {
          title: "紅蓮華",
          titleRomaji: "Gurenge",
          artists: [{ ...entity(10, "LiSA"), characterIds: [] }],
        }),
      ),
      entry(song(2, { title: "Blue Bird", albums: [entity(20, "Hana-Bi", "Hanabi")] })),
      entry(song(3, { title: "Unravel", sources: [entity(30, "東京喰種", "Tokyo Ghoul")] })),
      entry(
        song(4, { title: "Café Latte", artists: [{ ...entity(11, "ＹＯＡＳＯＢＩ"), characterIds: [] }] }),
      ),
      entry(song(5, { title: "Character song", characters: [entity(40, "Rem")] })),
    ],
    DISPLAY,
  );
  const ids = (query: string) => filterFavorites(items, query).map((f) => f.song.id);

  it.each([
    ["", [1, 2, 3, 4, 5]],
    ["   ", [1, 2, 3, 4, 5]],
    ["gurenge", [1]], // romaji
    ["紅蓮", [1]], // title
    ["lisa", [1]], // artist, any case
    ["hanabi", [2]], // album romaji
    ["hana-bi", [2]], // album name
    ["tokyo", [3]], // source romaji
    ["東京", [3]], // source name
    ["cafe", [4]], // accents folded
    ["yoasobi", [4]], // full-width artist
    ["ｂｌｕｅ", [2]], // full-width query
    ["rem", [5]], // character
    ["blue bird", [2]], // every word must match
    ["blue unravel", []], // words from two songs match neither
    ["song", [5]],
    ["nothing like it", []],
  ])("%j matches %j", (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it("never matches across two names", () => {
    // "Hana-Bi" then "Hanabi": a query joining the end of one and the start of the other finds nothing.
    expect(ids("bihanabi")).toEqual([]);
  });

  const arbitraryItems = fc.array(
    fc.record({ id: fc.nat(), title: fc.string(), artist: fc.string() }).map(({ id, title, artist }) => ({
      ...entry(song(id, { title, artists: [{ ...entity(1, artist), characterIds: [] }] })),
    })),
    { maxLength: 40 },
  );

  it("keeps the order, returns only matches, and finds every item by any part of its title", () => {
    fc.assert(
      fc.property(arbitraryItems, fc.string(), fc.nat(), (entries, query, pick) => {
        const indexed = indexFavorites(entries, DISPLAY);
        const result = filterFavorites(indexed, query);
        // A subsequence of the input, in the same order.
        let cursor = 0;
        for (const item of result) {
          cursor = indexed.indexOf(item as IndexedFavorite, cursor) + 1;
          expect(cursor).toBeGreaterThan(0);
        }
        if (entries.length === 0) return;
        const target = entries[pick % entries.length];
        const title = target.song.title ?? "";
        const part = title.slice(0, Math.ceil(title.length / 2));
        expect(filterFavorites(indexed, part).some((f) => f.song === target.song)).toBe(true);
      }),
    );
  });
});

describe("sortFavorites", () => {
  const items = indexFavorites(
    [
      entry(song(1, { title: "b", artists: [{ ...entity(1, "Zed"), characterIds: [] }] }), 300),
      entry(song(2, { title: "A", artists: [{ ...entity(2, "yui"), characterIds: [] }] }), 100),
      entry(song(3, { title: "c", artists: [{ ...entity(3, "Aimer"), characterIds: [] }] }), null),
      entry(song(4, { title: "a", artists: [{ ...entity(4, "Aimer"), characterIds: [] }] }), 200),
    ],
    DISPLAY,
  );
  const order = (sort: "date" | "title" | "artist") => sortFavorites(items, sort, "en").map((f) => f.song.id);

  it.each([
    ["date", [1, 4, 2, 3]], // newest first, undated last
    ["title", [4, 2, 1, 3]], // case-insensitive; a tie goes to the artist ("Aimer" before "yui")
    ["artist", [4, 3, 2, 1]], // Aimer (a, c), yui, Zed
  ] as const)("by %s", (sort, expected) => {
    expect(order(sort)).toEqual(expected);
  });

  it("is a total order: a permutation, the same whatever the input order", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(items, { minLength: items.length }),
        fc.constantFrom("date", "title", "artist" as const),
        (shuffled, sort) => {
          expect(sortFavorites(shuffled, sort, "en").map((f) => f.song.id)).toEqual(order(sort));
        },
      ),
    );
  });
});
