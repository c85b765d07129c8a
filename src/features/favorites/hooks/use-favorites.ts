import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import {
  favoriteQueryOptions,
  toggleFavoriteKey,
  toggleFavoriteMutationOptions,
  toggleTo,
} from "../api/favorites";

/** How long a failed toggle's message stays before it clears itself. */
export const FAILURE_VISIBLE_MS = 8_000;

/** Whether a toggle of this song is in flight, from any heart or Undo showing it. */
export function useFavoriteTogglePending(songId: number): boolean {
  return useIsMutating({ mutationKey: toggleFavoriteKey(songId) }) > 0;
}

/**
 * What the heart can say: the song is a favorite or not, or the answer is still coming (checking),
 * or could not be had (unavailable). Without an answer a toggle cannot know what it would do.
 */
export type FavoriteStatus = "favorite" | "not-favorite" | "checking" | "unavailable";

function favoriteStatus(answer: boolean | undefined, failed: boolean): FavoriteStatus {
  if (answer !== undefined) return answer ? "favorite" : "not-favorite";
  return failed ? "unavailable" : "checking";
}

/**
 * One song's favorite state for login `session`, from the query cache, and the press of its heart.
 * While a toggle for this song is in flight (from any button showing it), another press is ignored;
 * while the answer is coming, a press does nothing; when it failed, a press asks again.
 */
export function useFavorite(session: number, songId: number, gatewayFlag?: boolean) {
  const client = useQueryClient();
  const { data, isFetching, isError, refetch } = useQuery(favoriteQueryOptions(session, songId, gatewayFlag));
  const pending = useFavoriteTogglePending(songId);
  const { mutate, error, variables, reset } = useMutation(toggleFavoriteMutationOptions(session, songId));
  const status = favoriteStatus(data, isError && !isFetching);

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(reset, FAILURE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [error, reset]);

  const press = useCallback(() => {
    if (pending || status === "checking") return;
    if (status === "unavailable") {
      void refetch();
      return;
    }
    mutate(toggleTo(client, session, songId, status === "not-favorite"));
  }, [pending, status, refetch, client, session, songId, mutate]);

  return {
    status,
    favorite: status === "favorite",
    pending,
    press,
    failure: error ? { error, wanted: variables?.next ?? status !== "favorite" } : null,
  };
}
