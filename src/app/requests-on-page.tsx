/**
 * Composition, first screen: the parts of the requests feature that are always on the page. Their
 * code and words load with the query islands, right after the first song is painted; the queue line
 * too, whichever source feeds it, since only the seed (v1) gateway ever sends its counters with the
 * song and production needs GraphQL for them anyway.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import { useAuthSession } from "@/features/auth/auth-store";
import { useQueue, useQueueAt } from "@/features/now-playing/now-playing-store";
import type { RequestOutcome } from "@/features/requests/components/request-outcome";
import type { StationId } from "@/lib/stations";
import { loadIslands, useIslandsReady } from "./islands";

const RequestOutcomeIsland = lazy(() => loadIslands().then((m) => ({ default: m.RequestOutcomeIsland })));
const QueueIsland = lazy(() => loadIslands().then((m) => ({ default: m.QueueIsland })));

/** The one region that tells how requests went; rendered once by the app, outside any list. */
export function DeferredRequestOutcome(props: ComponentProps<typeof RequestOutcome>) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <RequestOutcomeIsland {...props} />
    </Suspense>
  );
}

/**
 * The queue line (and, logged in, "Request a random favorite" beside it until the favorites view
 * takes it): the seed gateway's `d.queue` and GraphQL `queue` / `userQueue`, the fresher answer of
 * each part winning (requests/model/queue-line.ts).
 */
export function StationQueue({ station }: { station: StationId }) {
  const queue = useQueue(station);
  const queueAt = useQueueAt(station);
  const session = useAuthSession();
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <QueueIsland
        station={station}
        session={session}
        gateway={queue ? { value: queue, at: queueAt ?? 0 } : null}
      />
    </Suspense>
  );
}
