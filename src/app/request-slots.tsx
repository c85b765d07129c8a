/**
 * Composition: "Request" buttons for views that load on demand (song details, the favorites view,
 * the search results): `renderRequest(station)` per row, and "Request a random favorite". Only lazily
 * loaded modules import this file, so none of it weighs on the first screen.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import { useAuthSession } from "@/features/auth/auth-store";
import type { RequestButton } from "@/features/requests/components/request-button";
import { useSongDisplay } from "@/lib/display-preferences";
import { type Song, songTitle } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { loadIslands, useIslandsReady } from "./islands";

const RequestButtonIsland = lazy(() => loadIslands().then((m) => ({ default: m.RequestButtonIsland })));
const RandomFavoriteRequestIsland = lazy(() =>
  loadIslands().then((m) => ({ default: m.RandomFavoriteRequestIsland })),
);

function DeferredRequestButton(props: ComponentProps<typeof RequestButton>) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <RequestButtonIsland {...props} />
    </Suspense>
  );
}

function SongRequest({ song, station }: { song: Song; station: StationId }) {
  const display = useSongDisplay();
  return <DeferredRequestButton songId={song.id} title={songTitle(song, display)} station={station} />;
}

/** For list rows (song details, favorites, search results): a "Request <title>" button per song. */
export const renderRequest = (station: StationId) => (song: Song) => (
  <SongRequest song={song} station={station} />
);

/** "Request a random favorite" for whoever is logged in. */
export function RandomFavoriteSlot({ station }: { station: StationId }) {
  const ready = useIslandsReady();
  if (useAuthSession() === null || !ready) return null;
  return (
    <Suspense fallback={null}>
      <RandomFavoriteRequestIsland station={station} />
    </Suspense>
  );
}
