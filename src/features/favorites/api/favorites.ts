/**
 * checkFavorite and favoriteSong (protocol §4.2) as query and mutation factories. The query cache is
 * the one place a song's favorite state lives: one entry per (login, song), written by checkFavorite,
 * by the seed gateway's flag, and optimistically by a toggle (rolled back if the server says no).
 */
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { authorizedRequest } from "@/lib/authorized-request";
import { isGraphqlError } from "@/lib/graphql-client";
import { createFavoriteChecks } from "./favorite-checks";

export const CHECK_FAVORITE_QUERY = `query checkFavorite($songs: [Int!]!) {
  checkFavorite(songs: $songs)
}`;

export const FAVORITE_SONG_MUTATION = `mutation favoriteSong($id: Int!) {
  favoriteSong(id: $id) {
    id
  }
}`;

const songId = v.pipe(v.number(), v.integer());

/** `[Int]!`: the subset of the asked ids that are favorites. */
const checkFavoriteSchema = v.pipe(
  v.object({ checkFavorite: v.array(v.nullable(songId)) }),
  v.transform(({ checkFavorite }) => checkFavorite.filter((id): id is number => id !== null)),
);

const favoriteSongSchema = v.object({ favoriteSong: v.object({ id: songId }) });

function fetchFavoritedIds(songIds: readonly number[]): Promise<number[]> {
  return authorizedRequest({
    operationName: "checkFavorite",
    query: CHECK_FAVORITE_QUERY,
    variables: { songs: songIds },
    schema: checkFavoriteSchema,
  });
}

const isFavorite = createFavoriteChecks(fetchFavoritedIds);

/** Everything favorites keep in the query cache; invalidate it to ask the server again. */
export const favoritesKey = ["favorites"] as const;

export const favoriteSongKey = (session: number | null, id: number) =>
  [...favoritesKey, "song", session, id] as const;

/**
 * Whether song `id` is a favorite of login `session`. Where the seed gateway sent a flag, that flag
 * is the answer and no check is made; a toggle here overrides both.
 */
export const favoriteQueryOptions = (session: number | null, id: number, gatewayFlag?: boolean) =>
  queryOptions({
    queryKey: favoriteSongKey(session, id),
    queryFn: () => isFavorite(id),
    enabled: session !== null && gatewayFlag === undefined,
    initialData: gatewayFlag,
    // Only invalidation (a reconnect, a settled toggle) makes an answer old.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const toggleFavoriteKey = (id: number) => [...favoritesKey, "toggle", id] as const;

export interface ToggleFavorite {
  /** The state the person asked for; favoriteSong itself just flips. */
  next: boolean;
}

/** Removes every login's answers but the current one's: another user's favorites never show through. */
export function forgetOtherLogins(client: QueryClient, session: number | null) {
  client.removeQueries({
    queryKey: favoritesKey,
    predicate: ({ queryKey }) =>
      (queryKey[1] === "song" || queryKey[1] === "list") && queryKey[2] !== session,
  });
}

/**
 * favoriteSong is a toggle on the server. The cache flips at once; a failure puts back what was
 * shown, and either way the server is asked again once the toggle settles. An expired session has
 * already logged out and said so: nothing is left to roll back then.
 */
export const toggleFavoriteMutationOptions = (session: number | null, id: number) =>
  mutationOptions({
    mutationKey: toggleFavoriteKey(id),
    mutationFn: (_toggle: ToggleFavorite) =>
      authorizedRequest({
        operationName: "favoriteSong",
        query: FAVORITE_SONG_MUTATION,
        variables: { id },
        schema: favoriteSongSchema,
      }),
    onMutate: async ({ next }, { client }) => {
      const key = favoriteSongKey(session, id);
      // A check under way would land after the flip and undo it.
      await client.cancelQueries({ queryKey: key });
      const shown = client.getQueryData<boolean>(key) ?? !next;
      client.setQueryData(key, next);
      return { shown };
    },
    onError: (error, { next }, context, { client }) => {
      if (isGraphqlError(error, "unauthorized")) return;
      client.setQueryData(favoriteSongKey(session, id), context?.shown ?? !next);
    },
    onSettled: (_data, error, _toggle, _context, { client }) => {
      if (isGraphqlError(error, "unauthorized")) return;
      void client.invalidateQueries({ queryKey: favoriteSongKey(session, id) });
    },
  });
