import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useAuthSession } from "@/features/auth/auth-store";
import { favoriteStatesQueryOptions, favoritesKey, toggleFavoriteMutationOptions } from "../api/favorites";
import { favoriteToggleStarted } from "../favorites-store";

/**
 * Check every listed song in ONE checkFavorite request, and again whenever the list changes (a new
 * track). Call it once, with [current, ...history] ids; FavoriteButtons read the answers.
 */
export function useFavoriteStates(songIds: readonly number[]) {
  const session = useAuthSession();
  const { isFetching, error } = useQuery(favoriteStatesQueryOptions(session, songIds));
  return { checking: isFetching, error };
}

/** Ask the server again for every checked list, e.g. after the gateway reconnects. */
export function invalidateFavorites(client: QueryClient) {
  // cancelRefetch false: a check already under way is as fresh as a new one.
  return client.invalidateQueries({ queryKey: favoritesKey }, { cancelRefetch: false });
}

export function useInvalidateFavorites() {
  const client = useQueryClient();
  return useCallback(() => invalidateFavorites(client), [client]);
}

/** Flip a song's favorite now and tell the server; a second click while that is in flight is ignored. */
export function useToggleFavorite() {
  const { mutate } = useMutation(toggleFavoriteMutationOptions());
  return useCallback(
    (songId: number, current: boolean) => {
      const next = !current;
      const version = favoriteToggleStarted(songId, next);
      if (version !== null) mutate({ songId, next, version });
    },
    [mutate],
  );
}
