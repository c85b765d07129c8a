/**
 * Composition: every part of the page that talks to GraphQL through TanStack Query. This module is
 * loaded after the first render (islands.ts), because the query library alone is about a tenth of
 * the first screen's size budget and nothing it serves is needed to show what is playing.
 */
import { QueryClientProvider } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import { AccountArea } from "@/features/auth/components/account-area";
import { FavoriteButton } from "@/features/favorites/components/favorite-button";
import { QueueInfo } from "@/features/now-playing/components/queue-info";
import { RandomFavoriteRequest } from "@/features/requests/components/random-favorite-request";
import { RequestButton } from "@/features/requests/components/request-button";
import { RequestOutcome } from "@/features/requests/components/request-outcome";
import { useGraphqlQueueSources } from "@/features/requests/hooks/use-queue-sources";
import { chooseQueueLine, type QueueSources } from "@/features/requests/model/queue-line";
import type { StationId } from "@/lib/stations";
import { FavoritesLink, favoriteCountLink } from "./favorites-links";
import { activeQueryClient } from "./query-session";

export { startDeferredEffects } from "./deferred-effects";
export { startQuerySession } from "./query-session";

/** The page's query client for what is under it; nothing until the query session runs. */
export function QueryScope({ children }: { children: ReactNode }) {
  const client = activeQueryClient();
  return client ? <QueryClientProvider client={client}>{children}</QueryClientProvider> : null;
}

/** The account corner, and the header's link to the favorites view beside it. */
export function AccountIsland() {
  return (
    <QueryScope>
      <FavoritesLink />
      <AccountArea renderFavoriteCount={favoriteCountLink} />
    </QueryScope>
  );
}

export function FavoriteButtonIsland(props: ComponentProps<typeof FavoriteButton>) {
  return (
    <QueryScope>
      <FavoriteButton {...props} />
    </QueryScope>
  );
}

export function RequestButtonIsland(props: ComponentProps<typeof RequestButton>) {
  return (
    <QueryScope>
      <RequestButton {...props} />
    </QueryScope>
  );
}

export function RequestOutcomeIsland(props: ComponentProps<typeof RequestOutcome>) {
  return (
    <QueryScope>
      <RequestOutcome {...props} />
    </QueryScope>
  );
}

/** "Request a random favorite", for views that load on demand (the favorites view). */
export function RandomFavoriteRequestIsland(props: ComponentProps<typeof RandomFavoriteRequest>) {
  return (
    <QueryScope>
      <RandomFavoriteRequest {...props} />
    </QueryScope>
  );
}

interface QueueIslandProps {
  station: StationId;
  session: number | null;
  gateway: QueueSources["gateway"];
}

function GraphqlQueueInfo({ station, session, gateway }: QueueIslandProps) {
  const sources = useGraphqlQueueSources(station, session);
  return (
    <>
      <QueueInfo line={chooseQueueLine({ gateway, ...sources })} />
      {session !== null && <RandomFavoriteRequest station={station} />}
    </>
  );
}

/**
 * The queue line with GraphQL's `queue` and `userQueue` beside the seed gateway's `d.queue`, and
 * "Request a random favorite" for a logged-in listener.
 */
export function QueueIsland(props: QueueIslandProps) {
  return (
    <QueryScope>
      <GraphqlQueueInfo {...props} />
    </QueryScope>
  );
}
