import { useMutation, useMutationState, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { StationId } from "@/lib/stations";
import {
  type RequestResult,
  type RequestVariables,
  randomRequestKey,
  requestRandomFavoriteMutationOptions,
  requestSongMutationOptions,
  requestsKey,
  songRequestKey,
} from "../api/requests";

type RequestKey = readonly unknown[];

/**
 * The state of the requests under `key`, read from the mutation cache, so every button for the same
 * song agrees and a button drawn again (a virtualized row scrolled back) shows what happened.
 */
function useRequestState(key: RequestKey) {
  const statuses = useMutationState({
    filters: { mutationKey: key, exact: true },
    select: (mutation) => mutation.state.status,
  });
  const last = statuses.at(-1);
  return { pending: statuses.includes("pending"), requested: last === "success" };
}

/** Whether a request under `key` is in flight right now, read from the cache at the moment of the press. */
function useGuardedMutate(key: RequestKey, mutate: (variables: RequestVariables) => void) {
  const client = useQueryClient();
  return useCallback(
    (variables: RequestVariables) => {
      if (client.isMutating({ mutationKey: key, exact: true }) > 0) return;
      mutate(variables);
    },
    [client, key, mutate],
  );
}

/** One song's request: in flight (from any button for it), done, and the press. */
export function useSongRequest(station: StationId, songId: number, title: string) {
  const key = songRequestKey(station, songId);
  const { mutate } = useMutation(requestSongMutationOptions(station, songId));
  const state = useRequestState(key);
  const guarded = useGuardedMutate(key, mutate);
  const request = useCallback(() => {
    if (!state.requested) guarded({ kind: "song", station, title });
  }, [guarded, state.requested, station, title]);
  return { ...state, request };
}

/** "Request a random favorite" on `station`: in flight, and the press (it may be pressed again later). */
export function useRandomFavoriteRequest(station: StationId) {
  const key = randomRequestKey(station);
  const { mutate } = useMutation(requestRandomFavoriteMutationOptions(station));
  const { pending } = useRequestState(key);
  const guarded = useGuardedMutate(key, mutate);
  const request = useCallback(() => guarded({ kind: "random", station }), [guarded, station]);
  return { pending, request };
}

export interface RequestOutcome {
  id: number;
  status: "success" | "error";
  variables: RequestVariables;
  result: RequestResult | null;
  error: unknown;
}

/** The latest request's outcome, whichever button made it; null while it is in flight or before any. */
export function useLatestRequestOutcome(): RequestOutcome | null {
  const outcomes = useMutationState({
    filters: { mutationKey: requestsKey },
    select: (mutation) => ({
      id: mutation.mutationId,
      status: mutation.state.status,
      submittedAt: mutation.state.submittedAt,
      variables: mutation.state.variables as RequestVariables | undefined,
      result: (mutation.state.data as RequestResult | undefined) ?? null,
      error: mutation.state.error,
    }),
  });
  let latest: (typeof outcomes)[number] | undefined;
  for (const outcome of outcomes) if (!latest || outcome.submittedAt >= latest.submittedAt) latest = outcome;
  if (!latest?.variables || (latest.status !== "success" && latest.status !== "error")) return null;
  return {
    id: latest.id,
    status: latest.status,
    variables: latest.variables,
    result: latest.result,
    error: latest.error,
  };
}
