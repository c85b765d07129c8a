/**
 * Composition: where the requests feature shows. Its code and words load with the query islands;
 * until then the queue line shows what the seed gateway sent (if anything) and the buttons wait.
 * The favorites view and the search results take `renderRequest(station)` for their rows.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import { useAuthSession } from "@/features/auth/auth-store";
import { QueueInfo } from "@/features/now-playing/components/queue-info";
import { useQueue, useQueueAt } from "@/features/now-playing/now-playing-store";
import type { RandomFavoriteRequest } from "@/features/requests/components/random-favorite-request";
import type { RequestButton } from "@/features/requests/components/request-button";
import type { RequestOutcome } from "@/features/requests/components/request-outcome";
import { useSongDisplay } from "@/lib/display-preferences";
import { gatewayQueueLine, type Song, songTitle } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { loadIslands, useIslandsReady } from "./islands";

const RequestButtonIsland = lazy(() => loadIslands().then((m) => ({ default: m.RequestButtonIsland })));
const RandomFavoriteRequestIsland = lazy(() =>
  loadIslands().then((m) => ({ default: m.RandomFavoriteRequestIsland })),
);
const RequestOutcomeIsland = lazy(() => loadIslands().then((m) => ({ default: m.RequestOutcomeIsland })));
const QueueInfoIsland = lazy(() => loadIslands().then((m) => ({ default: m.QueueInfoIsland })));

export function DeferredRequestButton(props: ComponentProps<typeof RequestButton>) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <RequestButtonIsland {...props} />
    </Suspense>
  );
}

function DeferredRandomFavoriteRequest(props: ComponentProps<typeof RandomFavoriteRequest>) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <RandomFavoriteRequestIsland {...props} />
    </Suspense>
  );
}

/** The one region that tells how requests went; rendered once by the app, outside any list. */
export function DeferredRequestOutcome(props: ComponentProps<typeof RequestOutcome>) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <RequestOutcomeIsland {...props} />
    </Suspense>
  );
}

/** "Request a random favorite" for whoever is logged in (beside the queue line until the favorites view takes it). */
export function RandomFavoriteSlot({ station }: { station: StationId }) {
  const session = useAuthSession();
  return session === null ? null : <DeferredRandomFavoriteRequest station={station} />;
}

function SongRequest({ song, station }: { song: Song; station: StationId }) {
  const display = useSongDisplay();
  return <DeferredRequestButton songId={song.id} title={songTitle(song, display)} station={station} />;
}

/** For list rows (history, favorites, search results): a "Request <title>" button per song. */
export const renderRequest = (station: StationId) => (song: Song) => (
  <SongRequest song={song} station={station} />
);

/**
 * The queue line. The seed gateway's `d.queue` shows at once; with the islands, GraphQL `queue` and
 * `userQueue` join it and the fresher answer of each part wins (requests/model/queue-line.ts).
 */
export function StationQueue({ station }: { station: StationId }) {
  const queue = useQueue(station);
  const queueAt = useQueueAt(station);
  const session = useAuthSession();
  const gatewayLine = <QueueInfo line={queue ? gatewayQueueLine(queue) : null} />;
  if (!useIslandsReady()) return gatewayLine;
  return (
    <Suspense fallback={gatewayLine}>
      <QueueInfoIsland
        station={station}
        session={session}
        gateway={queue ? { value: queue, at: queueAt ?? 0 } : null}
      />
    </Suspense>
  );
}
