/**
 * First-screen stand-ins for the parts in query-islands.tsx. The islands' code loads once the first
 * song is on screen (or after a few seconds without one), so it never competes with the song for the
 * network or the main thread; until it arrives, each stand-in shows nothing, or keeps the place of
 * what will appear so that nothing moves.
 */
import { type ComponentProps, lazy, Suspense, useSyncExternalStore } from "react";
import type { FavoriteButton } from "@/features/favorites/components/favorite-button";
import { getNowPlaying, subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { useT } from "@/lib/i18n";
import { loadChunk } from "@/lib/load-chunk";
import { STATIONS, type StationId } from "@/lib/stations";

/** The islands wait this long at most for the first song (the gateway may be down). */
const ISLANDS_AT_LATEST_MS = 3_000;

let islandsReady = false;
let waiting = false;
const readyListeners = new Set<() => void>();

function releaseIslands() {
  if (islandsReady) return;
  islandsReady = true;
  for (const listener of readyListeners) listener();
}

function subscribeToIslands(listener: () => void) {
  readyListeners.add(listener);
  if (!islandsReady && !waiting) {
    waiting = true;
    // After the next frame: the song's own commit and paint go first.
    const afterPaint = () => requestAnimationFrame(() => setTimeout(releaseIslands, 0));
    if (STATIONS.some((station) => getNowPlaying(station).track)) afterPaint();
    else {
      const unsubscribe = subscribeToTrack(() => {
        unsubscribe();
        afterPaint();
      });
    }
    // Hidden tabs get no animation frames, and the gateway may be down: never wait longer than this.
    setTimeout(releaseIslands, ISLANDS_AT_LATEST_MS);
  }
  return () => readyListeners.delete(listener);
}

/** False until the first song is on screen, or a few seconds have passed. */
const useIslandsReady = () => useSyncExternalStore(subscribeToIslands, () => islandsReady);

let islandsChunk: Promise<typeof import("./query-islands")> | null = null;
const islands = () => {
  islandsChunk ??= loadChunk(() => import("./query-islands"));
  return islandsChunk;
};
const AccountIsland = lazy(() => islands().then((m) => ({ default: m.AccountIsland })));
const HistorySyncIsland = lazy(() => islands().then((m) => ({ default: m.HistorySyncIsland })));
const FavoriteStatesIsland = lazy(() => islands().then((m) => ({ default: m.FavoriteStatesIsland })));
const FavoriteButtonIsland = lazy(() => islands().then((m) => ({ default: m.FavoriteButtonIsland })));

/** Holds the "Log in" button's place (same box, invisible) until the account area arrives. */
function AccountPlaceholder() {
  const t = useT();
  return (
    <span aria-hidden="true" className="invisible rounded-full px-4 py-1.5 text-sm font-semibold">
      {t.auth.logIn}
    </span>
  );
}

export function DeferredAccountArea() {
  if (!useIslandsReady()) return <AccountPlaceholder />;
  return (
    <Suspense fallback={<AccountPlaceholder />}>
      <AccountIsland />
    </Suspense>
  );
}

export function DeferredHistorySync({ station }: { station: StationId }) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <HistorySyncIsland station={station} />
    </Suspense>
  );
}

export function DeferredFavoriteStates({ station }: { station: StationId }) {
  return (
    <Suspense fallback={null}>
      <FavoriteStatesIsland station={station} />
    </Suspense>
  );
}

export function DeferredFavoriteButton(props: ComponentProps<typeof FavoriteButton>) {
  return (
    <Suspense fallback={null}>
      <FavoriteButtonIsland {...props} />
    </Suspense>
  );
}
