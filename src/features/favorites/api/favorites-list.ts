/**
 * Every favorite of the logged-in listener on one station, from `user(username:"@me") { favorites }`
 * in pages. The filter and the sort work on the whole list, so all pages are loaded: the first page
 * tells the total, the rest follow a few at a time, and the rows already in are published to the
 * query cache as they arrive (the view shows them, with the progress, while the rest load).
 */
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { authorizedRequest } from "@/lib/authorized-request";
import type { Song } from "@/lib/song";
import { SONG_FIELDS, songSchema, validItems } from "@/lib/song-schema";
import type { StationId } from "@/lib/stations";
import { favoritesKey } from "./favorites";

/** The first page is small so the first rows show quickly; it also tells how many there are. */
export const FAVORITES_FIRST_PAGE_SIZE = 100;
export const FAVORITES_PAGE_SIZE = 500;
/** Pages in flight at once after the first: quick on a good line, gentle on the server. */
export const FAVORITES_PAGE_CONCURRENCY = 3;

export const FAVORITES_LIST_QUERY = `query userFavorites($offset: Int!, $count: Int!, $kpop: Boolean!) {
  user(username: "@me") {
    favorites(offset: $offset, count: $count, kpop: $kpop) {
      favorites {
        createdAt
        song {
          ${SONG_FIELDS}
        }
      }
      count
    }
  }
}`;

export interface FavoriteEntry {
  song: Song;
  /** When it was favorited, epoch ms; null when the server sent no usable date. */
  favoritedAt: number | null;
}

export interface FavoritesList {
  favorites: FavoriteEntry[];
  /** How many favorites the server says there are (the view's count). */
  count: number;
  /** False while later pages are still loading. */
  complete: boolean;
}

const epochMs = v.pipe(
  v.nullish(v.union([v.string(), v.number()])),
  v.transform((raw) => {
    const ms = raw === null || raw === undefined || raw === "" ? Number.NaN : Number(raw);
    return Number.isFinite(ms) && ms > 0 ? ms : null;
  }),
);

const entrySchema = v.pipe(
  v.object({ createdAt: epochMs, song: songSchema }),
  v.transform(({ createdAt, song }): FavoriteEntry => ({ song, favoritedAt: createdAt ?? null })),
);

const pageSchema = v.pipe(
  v.object({
    user: v.object({
      favorites: v.object({
        // A row that does not parse is dropped on its own; it never sinks the page.
        favorites: validItems(entrySchema),
        count: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    }),
  }),
  v.transform(({ user }) => ({ entries: user.favorites.favorites, count: user.favorites.count })),
);

/** What one page request brings back: its parsed rows (bad ones dropped) and the server's total. */
export interface FavoritesPage {
  entries: FavoriteEntry[];
  count: number;
}

export function fetchFavoritesPage(
  station: StationId,
  offset: number,
  count: number,
): Promise<FavoritesPage> {
  return authorizedRequest({
    operationName: "userFavorites",
    query: FAVORITES_LIST_QUERY,
    variables: { offset, count, kpop: station === "kpop" },
    schema: pageSchema,
  });
}

/** The same song twice (the list moved between two pages) shows once, where it came first. */
function withoutRepeats(entries: FavoriteEntry[]): FavoriteEntry[] {
  const seen = new Set<number>();
  return entries.filter(({ song }) => {
    if (seen.has(song.id)) return false;
    seen.add(song.id);
    return true;
  });
}

/**
 * Resolves once the page has had a chance to paint (or after 100 ms, e.g. in a hidden tab where no
 * frame comes): the first rows go on screen before the next pages' parsing takes the main thread.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(done, 0));
  });
}

interface LoadOptions {
  firstPageSize?: number;
  pageSize?: number;
  concurrency?: number;
  /** Called with the rows in so far (in order) while later pages load. */
  onProgress?: (partial: FavoritesList) => void;
  fetchPage?: typeof fetchFavoritesPage;
  /** Waits between showing the first page and asking for the rest. */
  pause?: () => Promise<void>;
}

/** Loads every page: a small first one, then the rest `concurrency` at a time; any failed page fails the load. */
export async function loadAllFavorites(
  station: StationId,
  options: LoadOptions = {},
): Promise<FavoritesList> {
  const {
    firstPageSize = FAVORITES_FIRST_PAGE_SIZE,
    pageSize = FAVORITES_PAGE_SIZE,
    concurrency = FAVORITES_PAGE_CONCURRENCY,
    onProgress,
    fetchPage = fetchFavoritesPage,
    pause = afterNextPaint,
  } = options;
  const first = await fetchPage(station, 0, firstPageSize);
  const total = first.count;
  const pages: FavoriteEntry[][] = [first.entries];
  const offsets: number[] = [];
  for (let offset = firstPageSize; offset < total; offset += pageSize) offsets.push(offset);
  // Publish the longest run of pages that are in, in order, so rows never jump.
  let published = 0;
  const publish = () => {
    let ready = 0;
    while (ready < pages.length && pages[ready] !== undefined) ready++;
    if (ready === published || ready === offsets.length + 1) return;
    published = ready;
    onProgress?.({ favorites: withoutRepeats(pages.slice(0, ready).flat()), count: total, complete: false });
  };
  if (offsets.length > 0) {
    publish();
    await pause();
  }
  let next = 0;
  const worker = async () => {
    while (next < offsets.length) {
      const index = next++;
      const page = await fetchPage(station, offsets[index], pageSize);
      pages[index + 1] = page.entries;
      publish();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker));
  return { favorites: withoutRepeats(pages.flat()), count: total, complete: true };
}

export const favoritesListKey = (session: number | null, station: StationId) =>
  [...favoritesKey, "list", session, station] as const;

/**
 * Login `session`'s favorites on `station`. While the first load runs, the rows in so far are put in
 * the cache so the view can show them; a refetch (reconnect) keeps the full list until the new one is in.
 */
export const favoritesListQueryOptions = (session: number | null, station: StationId) =>
  queryOptions({
    queryKey: favoritesListKey(session, station),
    queryFn: ({ client, queryKey }) =>
      loadAllFavorites(station, {
        onProgress: (partial) => {
          if (!hasCompleteList(client, queryKey)) client.setQueryData(queryKey, partial);
        },
      }),
    enabled: session !== null,
    staleTime: 5 * 60_000,
  });

function hasCompleteList(client: QueryClient, key: readonly unknown[]): boolean {
  return client.getQueryData<FavoritesList>(key)?.complete === true;
}
