/**
 * Song requests and the queue counters (protocol §4.2, shared/docs/graphql-library.md) as query and
 * mutation factories. Every operation here is valid against production's schema: `queue` and
 * `userQueue` take no arguments there, so none are sent (the local station then answers for J-pop,
 * and sums the user's requests over both stations).
 */
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { authorizedRequest } from "@/lib/authorized-request";
import { graphqlRequest } from "@/lib/graphql-client";
import type { Song } from "@/lib/song";
import { SONG_FIELDS, songSchema } from "@/lib/song-schema";
import type { StationId } from "@/lib/stations";

export const REQUEST_SONG_MUTATION = `mutation requestSong($id: Int!, $kpop: Boolean) {
  requestSong(id: $id, kpop: $kpop) {
    ${SONG_FIELDS}
  }
}`;

export const REQUEST_RANDOM_FAVORITE_MUTATION = `mutation requestRandomFavorite($kpop: Boolean) {
  requestRandomFavorite(kpop: $kpop) {
    ${SONG_FIELDS}
  }
}`;

export const USER_QUEUE_QUERY = `query userQueue {
  userQueue {
    amount
    before
  }
}`;

export const QUEUE_QUERY = `query queue {
  queue
}`;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** `UserQueueInfo!`: the user's queued requests and the songs that play before the next of them. */
export interface UserQueue {
  amount: number;
  before: number;
}

const userQueueSchema = v.pipe(
  v.object({ userQueue: v.object({ amount: count, before: count }) }),
  v.transform(({ userQueue }): UserQueue => userQueue),
);
const queueSchema = v.pipe(
  v.object({ queue: count }),
  v.transform(({ queue }) => queue),
);
const requestSongSchema = v.pipe(
  v.object({ requestSong: songSchema }),
  v.transform(({ requestSong }) => requestSong),
);
const requestRandomFavoriteSchema = v.pipe(
  v.object({ requestRandomFavorite: songSchema }),
  v.transform(({ requestRandomFavorite }) => requestRandomFavorite),
);

export function fetchUserQueue(signal?: AbortSignal): Promise<UserQueue> {
  return authorizedRequest({
    operationName: "userQueue",
    query: USER_QUEUE_QUERY,
    schema: userQueueSchema,
    signal,
  });
}

/** Everything requests keep in the query and mutation caches. */
export const requestsKey = ["requests"] as const;
const userQueueKey = [...requestsKey, "userQueue"] as const;
const stationQueueKey = [...requestsKey, "queue"] as const;

/** Which station production's argument-less `queue` counts: the local station answers for J-pop. */
export const QUEUE_COUNTS_STATION: StationId = "jpop";

/** The logged-in user's place in the queue; `session` keeps one login's answer from showing for another. */
export const userQueueQueryOptions = (session: number | null) =>
  queryOptions({
    queryKey: [...userQueueKey, session] as const,
    queryFn: ({ signal }) => fetchUserQueue(signal),
    enabled: session !== null,
    // Refreshed by events (a request, a track change, a reconnect), not by age.
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The station's queue length; only for the station production's `queue` counts. */
export const stationQueueQueryOptions = (station: StationId) =>
  queryOptions({
    queryKey: [...stationQueueKey, station] as const,
    queryFn: ({ signal }) =>
      graphqlRequest({ operationName: "queue", query: QUEUE_QUERY, schema: queueSchema, signal }),
    enabled: station === QUEUE_COUNTS_STATION,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Asks for every queue counter again (after a request, a track change, a reconnect). */
export function refreshQueue(client: QueryClient) {
  // cancelRefetch false: an answer already under way is as fresh as a new one.
  return client.invalidateQueries({ queryKey: requestsKey }, { cancelRefetch: false });
}

/** Drops every login's queue answer but `session`'s, and the request outcomes of other logins. */
export function forgetOtherLogins(client: QueryClient, session: number | null) {
  client.removeQueries({
    queryKey: userQueueKey,
    predicate: (query) => query.queryKey[2] !== session,
  });
  const mutations = client.getMutationCache();
  for (const mutation of mutations.findAll({ mutationKey: requestsKey })) {
    if (mutation.state.status !== "pending") mutations.remove(mutation);
  }
}

/** What a successful request answers: the song queued and, when userQueue answered, the user's place. */
export interface RequestResult {
  song: Song;
  place: UserQueue | null;
}

/** What the buttons and the outcome region need to tell about a request. */
export interface RequestVariables {
  kind: "song" | "random";
  station: StationId;
  /** The title as shown on the button (song requests only). */
  title?: string;
}

export const songRequestKey = (station: StationId, songId: number) =>
  [...requestsKey, "song", station, songId] as const;
export const randomRequestKey = (station: StationId) => [...requestsKey, "random", station] as const;

async function withPlace(song: Song): Promise<RequestResult> {
  // The request went through whatever userQueue says; without its answer the status just says "Requested".
  const place = await fetchUserQueue().catch(() => null);
  return { song, place };
}

/** After a request an answer already under way predates it: ask again (cancelRefetch, the default). */
const afterRequest = (client: QueryClient) => void client.invalidateQueries({ queryKey: requestsKey });

export const requestSongMutationOptions = (station: StationId, songId: number) =>
  mutationOptions({
    mutationKey: songRequestKey(station, songId),
    mutationFn: async (_variables: RequestVariables) =>
      withPlace(
        await authorizedRequest({
          operationName: "requestSong",
          query: REQUEST_SONG_MUTATION,
          variables: { id: songId, kpop: station === "kpop" },
          schema: requestSongSchema,
        }),
      ),
    onSuccess: (_data, _variables, _context, { client }) => afterRequest(client),
  });

export const requestRandomFavoriteMutationOptions = (station: StationId) =>
  mutationOptions({
    mutationKey: randomRequestKey(station),
    mutationFn: async (_variables: RequestVariables) =>
      withPlace(
        await authorizedRequest({
          operationName: "requestRandomFavorite",
          query: REQUEST_RANDOM_FAVORITE_MUTATION,
          variables: { kpop: station === "kpop" },
          schema: requestRandomFavoriteSchema,
        }),
      ),
    onSuccess: (_data, _variables, _context, { client }) => afterRequest(client),
  });
