/**
 * Composition: the search results, loaded when the search box is first used (app.tsx). They query
 * through the page's client from the query islands; until those are in, the panel says it is searching.
 */
import { useAuthSession } from "@/features/auth/auth-store";
import { SearchResults } from "@/features/search/components/search-results";
import type { StationId } from "@/lib/stations";
import { renderHistoryFavorite } from "./favorite-slots";
import { useIslandsReady } from "./islands";
import { QueryScope } from "./query-islands";
import { renderRequest } from "./request-slots";

export function SearchIsland({ station }: { station: StationId }) {
  const ready = useIslandsReady();
  const session = useAuthSession();
  const results = (
    <SearchResults
      station={station}
      session={session}
      ready={ready}
      // The same heart as the history rows. A result that came as a `Favorite` carries
      // `favorite: true`, which the heart takes as known instead of asking checkFavorite.
      renderFavorite={renderHistoryFavorite}
      renderRequest={renderRequest(station)}
    />
  );
  return ready ? <QueryScope>{results}</QueryScope> : results;
}
