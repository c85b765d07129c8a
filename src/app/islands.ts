/**
 * The query islands (account, history from GraphQL, favorites) and the query library under them load
 * after the first song is on screen, or a few seconds without one, so they never compete with the
 * song for the network or the main thread. The session root starts the wait; React only reads
 * whether the islands are ready.
 */
import type { QueryClient } from "@tanstack/react-query";
import { useStore } from "zustand";
import { getNowPlaying, subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { loadChunk } from "@/lib/load-chunk";
import { createSelectableStore } from "@/lib/persisted-store";
import { STATIONS } from "@/lib/stations";

/** The islands wait this long at most for the first song (the gateway may be down, the tab hidden). */
export const ISLANDS_AT_LATEST_MS = 3_000;

const store = createSelectableStore<{ ready: boolean }>(() => ({ ready: false }));

/** False until the islands' code is in and their query session runs. */
export const useIslandsReady = () => useStore(store, (s) => s.ready);

let islandsChunk: Promise<typeof import("./query-islands")> | null = null;
export const loadIslands = () => {
  islandsChunk ??= loadChunk(() => import("./query-islands"));
  return islandsChunk;
};

export interface IslandsEnvironment {
  window: Window;
  /** Tests pass a client that does not retry. */
  createQueryClient?: () => QueryClient;
}

/** Waits for the first song (or the deadline), then loads the islands and starts their query session. */
export function startIslands({ window, createQueryClient }: IslandsEnvironment): () => void {
  let disposed = false;
  let stopQueries: (() => void) | null = null;
  let frame = 0;
  let deferTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;

  const release = () => {
    if (started || disposed) return;
    started = true;
    stopWaiting();
    void loadIslands().then(({ startQuerySession, startDeferredEffects }) => {
      if (disposed) return;
      const stopQuerySession = startQuerySession(createQueryClient);
      const stopEffects = startDeferredEffects(window);
      stopQueries = () => {
        stopEffects();
        stopQuerySession();
      };
      store.setState({ ready: true });
    });
  };
  // After the next frame: the song's own commit and paint go first.
  const afterPaint = () => {
    frame = window.requestAnimationFrame(() => {
      deferTimer = setTimeout(release, 0);
    });
  };
  const deadline = setTimeout(release, ISLANDS_AT_LATEST_MS);
  let unsubscribe = () => {};
  if (STATIONS.some((station) => getNowPlaying(station).track)) afterPaint();
  else
    unsubscribe = subscribeToTrack(() => {
      unsubscribe();
      afterPaint();
    });

  function stopWaiting() {
    unsubscribe();
    clearTimeout(deadline);
  }

  return () => {
    disposed = true;
    stopWaiting();
    window.cancelAnimationFrame(frame);
    clearTimeout(deferTimer);
    stopQueries?.();
    store.setState({ ready: false });
  };
}
