/**
 * checkFavorite and favoriteSong (protocol §4.2) as query and mutation factories. The query cache is
 * the one place a song's favorite state lives: one entry per (login, song), written by checkFavorite,
 * by the seed gateway's flag, and optimistically by a toggle (rolled back if the server says no).
 *
 * favoriteSong flips whatever the server holds, so a toggle is only sent when its result is known:
 * never without an answer, and after asking again when the answer may be out of date (the song may
 * have been favorited on the website, a phone or another tab since), as the official extension does.
 */
import { mutationOptions, type QueryClient, type QueryState, queryOptions } from "@tanstack/react-query";
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

/**
 * After this an answer is stale: showing the page again (focus) or coming back online asks again,
 * so a change made on another device shows up without a reconnect.
 */
export const FAVORITE_STALE_MS = 60_000;

/** A toggle on an answer older than this asks the server first; a younger one is trusted. */
export const CONFIRM_BEFORE_TOGGLE_MS = 10_000;

/**
 * Whether a toggle on this cached answer must ask the server first: it is old, marked out of date
 * (a reconnect), or the last attempt to refresh it failed.
 */
export function needsConfirmation(state: QueryState<boolean> | undefined, now: number): boolean {
  if (!state || state.data === undefined) return true;
  return (
    state.isInvalidated || state.status === "error" || now - state.dataUpdatedAt > CONFIRM_BEFORE_TOGGLE_MS
  );
}

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
    staleTime: FAVORITE_STALE_MS,
    // The page's default is off; favorites are the one thing another device changes under us.
    refetchOnWindowFocus: true,
    refetchOnReconnect: true,
  });

export const toggleFavoriteKey = (id: number) => [...favoritesKey, "toggle", id] as const;

export interface ToggleFavorite {
  /** The state the person asked for; favoriteSong itself just flips. */
  next: boolean;
  /** Ask checkFavorite first, and send nothing if the server already holds `next`. */
  confirm: boolean;
}

/** The toggle to `next` for song `id`, asking the server first if the cached answer calls for it (read now, at the press). */
export function toggleTo(
  client: QueryClient,
  session: number | null,
  id: number,
  next: boolean,
): ToggleFavorite {
  const state = client.getQueryState<boolean>(favoriteSongKey(session, id));
  return { next, confirm: needsConfirmation(state, Date.now()) };
}

/** Whether favoriteSong went out; not when the server turned out to hold the wanted state already. */
export interface ToggleOutcome {
  sent: boolean;
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
 * favoriteSong is a toggle on the server. The cache flips at once; a failure (of the toggle or of the
 * check before it) puts back what was shown, and either way the server is asked again once the
 * toggle settles, unless the check before it just answered. An expired session has already logged
 * out and said so: nothing is left to roll back then.
 */
export const toggleFavoriteMutationOptions = (session: number | null, id: number) =>
  mutationOptions({
    mutationKey: toggleFavoriteKey(id),
    mutationFn: async ({ next, confirm }: ToggleFavorite): Promise<ToggleOutcome> => {
      // Alone, not batched with the page's checks: the person is waiting on this one answer.
      if (confirm && (await fetchFavoritedIds([id])).includes(id) === next) return { sent: false };
      await authorizedRequest({
        operationName: "favoriteSong",
        query: FAVORITE_SONG_MUTATION,
        variables: { id },
        schema: favoriteSongSchema,
      });
      return { sent: true };
    },
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
    onSettled: (outcome, error, _toggle, _context, { client }) => {
      if (isGraphqlError(error, "unauthorized") || outcome?.sent === false) return;
      void client.invalidateQueries({ queryKey: favoriteSongKey(session, id) });
    },
  });
