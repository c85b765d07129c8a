import { useIsMutating, useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { favoriteQueryOptions, toggleFavoriteKey, toggleFavoriteMutationOptions } from "../api/favorites";

/** How long a failed toggle's message stays before it clears itself. */
export const FAILURE_VISIBLE_MS = 8_000;

/**
 * One song's favorite state for login `session`, from the query cache, and the toggle for it. While a
 * toggle for this song is in flight (from any button showing it), another click is ignored.
 */
export function useFavorite(session: number, songId: number, gatewayFlag?: boolean) {
  const { data } = useQuery(favoriteQueryOptions(session, songId, gatewayFlag));
  const pending = useIsMutating({ mutationKey: toggleFavoriteKey(songId) }) > 0;
  const { mutate, error, variables, reset } = useMutation(toggleFavoriteMutationOptions(session, songId));
  const favorite = data ?? false;

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(reset, FAILURE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [error, reset]);

  const toggle = useCallback(() => {
    if (!pending) mutate({ next: !favorite });
  }, [pending, mutate, favorite]);

  return {
    favorite,
    pending,
    toggle,
    failure: error ? { error, wanted: variables?.next ?? !favorite } : null,
  };
}
