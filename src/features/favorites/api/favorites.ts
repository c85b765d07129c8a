/** checkFavorite and favoriteSong (protocol §4.2) as query and mutation factories. */
import { mutationOptions, queryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { authorizedRequest } from "@/features/auth/api/authorized-request";
import { currentUserChanged, favoriteCountChanged } from "@/features/auth/api/current-user";
import { errorMessage, isGraphqlError } from "@/lib/graphql-client";
import { getT } from "@/lib/i18n";
import {
  favoriteReconciled,
  favoritesChecked,
  favoriteToggleFailed,
  favoriteToggleSucceeded,
} from "../favorites-store";

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

/** One key per set of songs, whatever order or repeats the caller used. */
export function normalizeSongIds(songIds: readonly number[]): number[] {
  return [...new Set(songIds.filter((id) => Number.isInteger(id) && id > 0))].sort((a, b) => a - b);
}

export function fetchFavoritedIds(songIds: readonly number[]): Promise<number[]> {
  return authorizedRequest({
    operationName: "checkFavorite",
    query: CHECK_FAVORITE_QUERY,
    variables: { songs: songIds },
    schema: checkFavoriteSchema,
  });
}

export const favoritesKey = ["favorites"] as const;

/** All of `songIds` in one request; the answers land in the favorites store for the buttons. */
export const favoriteStatesQueryOptions = (session: number | null, songIds: readonly number[]) => {
  const ids = normalizeSongIds(songIds);
  return queryOptions({
    queryKey: [...favoritesKey, "check", session, ids],
    enabled: session !== null && ids.length > 0,
    // No abort signal, as for the current user: a remount joins the request under way.
    queryFn: async () => {
      const favorited = await fetchFavoritedIds(ids);
      favoritesChecked(ids, favorited);
      return favorited;
    },
  });
};

export interface ToggleFavorite {
  songId: number;
  /** The state the person asked for; favoriteSong itself just flips. */
  next: boolean;
  /** From favoriteToggleStarted. */
  version: number;
}

/** Ask the server what is true now; keep what we show if it cannot say. */
async function reconcile(songId: number, version: number) {
  try {
    const favorited = await fetchFavoritedIds([songId]);
    favoriteReconciled(songId, favorited.includes(songId), version);
  } catch {
    // Offline or expired: the optimistic (or rolled back) state stands until the next check.
  }
}

/**
 * favoriteSong is a toggle on the server. The button has already flipped (favoriteToggleStarted);
 * this sends it, moves the header's count along, rolls back with a message on failure, and then
 * reconciles with checkFavorite either way.
 */
export const toggleFavoriteMutationOptions = () =>
  mutationOptions({
    mutationKey: [...favoritesKey, "toggle"],
    mutationFn: ({ songId: id }: ToggleFavorite) =>
      authorizedRequest({
        operationName: "favoriteSong",
        query: FAVORITE_SONG_MUTATION,
        variables: { id },
        schema: favoriteSongSchema,
      }),
    onMutate: ({ next }, { client }) => favoriteCountChanged(client, next ? 1 : -1),
    onSuccess: (_data, { songId: id }) => favoriteToggleSucceeded(id),
    onError: (error, { songId: id, next }, _result, { client }) => {
      // An expired session already logged out and said so; there is nothing left to roll back.
      if (isGraphqlError(error, "unauthorized")) return;
      favoriteCountChanged(client, next ? -1 : 1);
      const t = getT();
      const reason = errorMessage(error, t);
      favoriteToggleFailed(
        id,
        !next,
        next ? t.favorites.addFailed(reason) : t.favorites.removeFailed(reason),
      );
    },
    onSettled: (_data, error, { songId: id, version }, _result, { client }) => {
      if (isGraphqlError(error, "unauthorized")) return;
      void reconcile(id, version);
      void currentUserChanged(client);
    },
  });
