/**
 * GraphQL `search(query, kpop, favoritesOnly, offset, limit)` as an infinite query, one page per
 * "Show more". The answer is a union (`[SongOrFavorite]!`): a `Favorite` is a song the listener has
 * favorited, so it comes back with `favorite: true`, which the favorite toggle takes as known.
 */
import { infiniteQueryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { authorizedRequest } from "@/lib/authorized-request";
import { graphqlRequest } from "@/lib/graphql-client";
import type { Song } from "@/lib/song";
import { SONG_FIELDS, songSchema } from "@/lib/song-schema";
import type { StationId } from "@/lib/stations";

export const SEARCH_QUERY = `query search($query: ID!, $kpop: Boolean, $favoritesOnly: Boolean, $offset: Int, $limit: Int) {
  search(query: $query, kpop: $kpop, favoritesOnly: $favoritesOnly, offset: $offset, limit: $limit) {
    __typename
    ... on Song {
      ${SONG_FIELDS}
    }
    ... on Favorite {
      song {
        ${SONG_FIELDS}
      }
    }
  }
}`;

/** Songs per page: a screenful or two, so the first answer is quick on a phone. */
export const SEARCH_PAGE_SIZE = 20;

const favoriteSchema = v.object({ song: songSchema });

/** One union member, told apart by `__typename`; anything else is null. */
function parseResult(item: unknown): Song | null {
  const typename =
    typeof item === "object" && item !== null ? (item as { __typename?: unknown }).__typename : null;
  if (typename === "Song") {
    const parsed = v.safeParse(songSchema, item);
    return parsed.success ? parsed.output : null;
  }
  if (typename === "Favorite") {
    const parsed = v.safeParse(favoriteSchema, item);
    return parsed.success ? { ...parsed.output.song, favorite: true } : null;
  }
  return null;
}

export interface SearchPage {
  songs: Song[];
  /** The server filled the page: there may be more. */
  full: boolean;
}

/**
 * One item that does not parse (an unknown type, a song without an id, null) is dropped alone; it
 * never sinks the page. The list is cut to the page size first, so a hostile answer costs nothing.
 */
const searchSchema = v.pipe(
  v.object({ search: v.array(v.unknown()) }),
  v.transform(({ search }): SearchPage => {
    const songs = search.slice(0, SEARCH_PAGE_SIZE).flatMap((item) => parseResult(item) ?? []);
    return { songs, full: search.length >= SEARCH_PAGE_SIZE };
  }),
);

export interface SearchParams {
  /** Already trimmed; blank means no search. */
  query: string;
  station: StationId;
  favoritesOnly: boolean;
  /** The login the answer is for (favorites differ per user), or null. */
  session: number | null;
}

export const searchKey = ({ query, station, favoritesOnly, session }: SearchParams) =>
  ["search", session, station, favoritesOnly, query] as const;

function fetchSearchPage(params: SearchParams, offset: number, signal: AbortSignal): Promise<SearchPage> {
  const request = {
    operationName: "search",
    query: SEARCH_QUERY,
    variables: {
      query: params.query,
      kpop: params.station === "kpop",
      favoritesOnly: params.favoritesOnly,
      offset,
      limit: SEARCH_PAGE_SIZE,
    },
    schema: searchSchema,
    signal,
  };
  // Logged in, the server may mark favorites; anonymous search needs no token.
  return params.session === null ? graphqlRequest(request) : authorizedRequest(request);
}

export const searchQueryOptions = (params: SearchParams) =>
  infiniteQueryOptions({
    queryKey: searchKey(params),
    // The signal aborts the request when the query is left for a newer one (TanStack Query cancels a
    // query that lost its last observer, if its function read the signal).
    queryFn: ({ pageParam, signal }) => fetchSearchPage(params, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, _pages, offset) => (last.full ? offset + SEARCH_PAGE_SIZE : undefined),
    enabled: params.query !== "",
    staleTime: 5 * 60_000,
  });

/** All pages as one list; a song that moved between pages while paging shows once. */
export function searchSongs(pages: readonly SearchPage[]): Song[] {
  const seen = new Set<number>();
  return pages.flatMap((page) =>
    page.songs.filter((song) => {
      if (seen.has(song.id)) return false;
      seen.add(song.id);
      return true;
    }),
  );
}
