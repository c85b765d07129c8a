/**
 * The favorites view's filter and sort, as pure functions over the whole list. Each favorite gets a
 * search text once (every name it is known by, normalized); a keystroke then only tests substrings,
 * and a sort is done once per order and reused while the filter changes.
 */

import { artistLine, type Song, type SongDisplay, songTitle } from "@/lib/song";
import type { FavoriteEntry } from "../api/favorites-list";

export type FavoritesSort = "date" | "title" | "artist";
export const FAVORITES_SORTS: readonly FavoritesSort[] = ["date", "title", "artist"];

/** Latin accents only (U+0300–U+036F): kana's voicing marks change the word, so they stay. */
const LATIN_MARKS = /[\u0300-\u036f]/g;

/**
 * One form for text and query: NFKC folds full-width letters and half-width kana, decomposing strips
 * Latin accents ("Kōhai" = "kohai"), lower case folds case.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize("NFKD").replace(LATIN_MARKS, "").normalize("NFKC").toLowerCase();
}

/** Every name a song is known by: titles, artists, characters, albums and sources, both scripts. */
function searchText(song: Song): string {
  const names: (string | null)[] = [song.title, song.titleRomaji];
  for (const list of [song.artists, song.characters, song.albums, song.sources]) {
    for (const entity of list) names.push(entity.name, entity.nameRomaji);
  }
  // A separator no query can contain, so a match never spans two names.
  return normalizeForSearch(names.filter((name): name is string => !!name).join("\u0000"));
}

export interface IndexedFavorite extends FavoriteEntry {
  /** Normalized search text. */
  text: string;
  /** What the row shows, for sorting by what a person sees. */
  title: string;
  artists: string;
}

/**
 * Each entry is indexed once per display: the list grows page by page with the same entry objects,
 * so a new page costs only its own rows.
 */
const indexed = new WeakMap<SongDisplay, WeakMap<FavoriteEntry, IndexedFavorite>>();

export function indexFavorites(entries: readonly FavoriteEntry[], display: SongDisplay): IndexedFavorite[] {
  let cache = indexed.get(display);
  if (!cache) {
    cache = new WeakMap();
    indexed.set(display, cache);
  }
  const known = cache;
  return entries.map((entry) => {
    let item = known.get(entry);
    if (!item) {
      item = {
        ...entry,
        text: searchText(entry.song),
        title: songTitle(entry.song, display),
        artists: artistLine(entry.song, display),
      };
      known.set(entry, item);
    }
    return item;
  });
}

/** The words of a query, normalized; a favorite matches when its text has every one. */
export function queryTerms(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter(Boolean);
}

export function filterFavorites<T extends { text: string }>(
  items: readonly T[],
  query: string,
): readonly T[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return items;
  return items.filter((item) => terms.every((term) => item.text.includes(term)));
}

/**
 * A new array in `order`: newest first by date (undated last), else by title or artist in the
 * locale's collation, ties broken by the other field and then by date, so the order is total.
 */
export function sortFavorites(
  items: readonly IndexedFavorite[],
  order: FavoritesSort,
  locale: string,
): IndexedFavorite[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const byDate = (a: IndexedFavorite, b: IndexedFavorite) =>
    (b.favoritedAt ?? Number.NEGATIVE_INFINITY) - (a.favoritedAt ?? Number.NEGATIVE_INFINITY) ||
    a.song.id - b.song.id;
  const compare =
    order === "date"
      ? byDate
      : order === "title"
        ? (a: IndexedFavorite, b: IndexedFavorite) =>
            collator.compare(a.title, b.title) || collator.compare(a.artists, b.artists) || byDate(a, b)
        : (a: IndexedFavorite, b: IndexedFavorite) =>
            collator.compare(a.artists, b.artists) || collator.compare(a.title, b.title) || byDate(a, b);
  return [...items].sort(compare);
}
