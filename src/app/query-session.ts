/**
 * Composition, loaded with the islands: the page's one QueryClient and every effect between the
 * stores and the query cache. History from GraphQL joins the live history and is asked again on each
 * song change and reconnect; favorites are asked again on reconnect; a settled favorite toggle
 * refreshes the account's favorite count; logging in or out drops the other logins' answers. The
 * queue counters (requests) are asked again on each song change and reconnect.
 */
import { type QueryClient, QueryObserver } from "@tanstack/react-query";
import { currentUserChanged } from "@/features/auth/api/current-user";
import { getAuthSessionId, subscribeToAuth } from "@/features/auth/auth-store";
import { favoritesKey, forgetOtherLogins } from "@/features/favorites/api/favorites";
import { subscribeToLiveness } from "@/features/gateway/connection-store";
import { playHistoryQueryOptions } from "@/features/now-playing/api/play-history";
import { historyLoaded } from "@/features/now-playing/history-loaded";
import { subscribeToSongChange } from "@/features/now-playing/now-playing-store";
import {
  forgetOtherLogins as forgetOtherRequestLogins,
  refreshQueue,
} from "@/features/requests/api/requests";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { createQueryClient } from "@/lib/query-client";
import type { StationId } from "@/lib/stations";

let active: QueryClient | null = null;

/** The running session's client, for the islands' providers; null before the islands start. */
export const activeQueryClient = () => active;

function startHistorySync(client: QueryClient): () => void {
  const observer = new QueryObserver(client, playHistoryQueryOptions(getStation()));
  const unsubscribeObserver = observer.subscribe(({ data }) => {
    const station = observer.options.queryKey[1] as StationId;
    if (data) historyLoaded(station, data);
  });
  const refresh = () => void client.invalidateQueries({ queryKey: observer.options.queryKey });
  const unsubscribers = [
    unsubscribeObserver,
    subscribeToStation((station) => observer.setOptions(playHistoryQueryOptions(station))),
    subscribeToSongChange((station) => {
      if (station === getStation()) refresh();
    }),
    subscribeToLiveness((live) => {
      if (live) refresh();
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

function startFavoritesSync(client: QueryClient): () => void {
  const unsubscribers = [
    subscribeToLiveness((live) => {
      // cancelRefetch false: a check already under way is as fresh as a new one.
      if (live) void client.invalidateQueries({ queryKey: favoritesKey }, { cancelRefetch: false });
    }),
    subscribeToAuth(() => forgetOtherLogins(client, getAuthSessionId())),
    client.getMutationCache().subscribe((event) => {
      const { mutation } = event;
      if (event.type !== "updated" || mutation?.options.mutationKey?.[0] !== favoritesKey[0]) return;
      if (mutation.state.status === "success") void currentUserChanged(client);
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** The queue counters are asked again on each song change of the station shown, and on reconnect. */
function startQueueSync(client: QueryClient): () => void {
  const unsubscribers = [
    subscribeToSongChange((station) => {
      if (station === getStation()) void refreshQueue(client);
    }),
    subscribeToLiveness((live) => {
      if (live) void refreshQueue(client);
    }),
    subscribeToAuth(() => forgetOtherRequestLogins(client, getAuthSessionId())),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

export function startQuerySession(create: () => QueryClient = createQueryClient): () => void {
  const client = create();
  active = client;
  const disposers = [startHistorySync(client), startFavoritesSync(client), startQueueSync(client)];
  return () => {
    for (const dispose of disposers) dispose();
    if (active === client) active = null;
    client.clear();
  };
}
