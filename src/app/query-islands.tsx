/**
 * Composition: every part of the page that talks to GraphQL through TanStack Query. This module is
 * loaded after the first render (deferred.tsx), because the query library alone is about a tenth of
 * the first screen's size budget and nothing it serves is needed to show what is playing. Each
 * island brings the page's one QueryClient with it, unless the host already provides one (tests do).
 */
import {
  type QueryClient,
  QueryClientContext,
  QueryClientProvider,
  useQueryClient,
} from "@tanstack/react-query";
import { type ComponentProps, type ReactNode, useContext, useEffect } from "react";
import { AccountArea } from "@/features/auth/components/account-area";
import { FavoriteButton } from "@/features/favorites/components/favorite-button";
import { invalidateFavorites, useFavoriteStates } from "@/features/favorites/hooks/use-favorites";
import { useConnectionStatus } from "@/features/gateway/connection-store";
import { useCurrentTrack, useHistory } from "@/features/now-playing/now-playing-store";
import { createQueryClient } from "@/lib/query-client";
import type { StationId } from "@/lib/stations";
import { HistorySync } from "./history-sync";

let pageClient: QueryClient | undefined;

function QueryScope({ children }: { children: ReactNode }) {
  const provided = useContext(QueryClientContext);
  if (provided) return children;
  pageClient ??= createQueryClient();
  return <QueryClientProvider client={pageClient}>{children}</QueryClientProvider>;
}

export function AccountIsland() {
  return (
    <QueryScope>
      <AccountArea />
    </QueryScope>
  );
}

export function HistorySyncIsland({ station }: { station: StationId }) {
  return (
    <QueryScope>
      <HistorySync station={station} />
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

/** One batched checkFavorite for what is on screen, refreshed on reconnect. */
export function FavoriteStatesIsland({ station }: { station: StationId }) {
  return (
    <QueryScope>
      <FavoriteStates station={station} />
    </QueryScope>
  );
}

function FavoriteStates({ station }: { station: StationId }) {
  const track = useCurrentTrack(station);
  const history = useHistory(station);
  const ids = track ? [track.song.id, ...history.map((entry) => entry.song.id)] : [];
  useFavoriteStates(ids);
  const queryClient = useQueryClient();
  const live = useConnectionStatus().kind === "live";
  useEffect(() => {
    if (live) invalidateFavorites(queryClient);
  }, [live, queryClient]);
  return null;
}
