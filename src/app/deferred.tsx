/**
 * First-screen stand-ins for the parts in query-islands.tsx. The islands' code starts loading with
 * the first render and never holds up the now-playing card; until it arrives, each stand-in shows
 * nothing, or keeps the place of what will appear so that nothing moves.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import type { FavoriteButton } from "@/features/favorites/components/favorite-button";
import type { StationId } from "@/lib/config";
import { useT } from "@/lib/i18n";

const islands = () => import("./query-islands");
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
  return (
    <Suspense fallback={<AccountPlaceholder />}>
      <AccountIsland />
    </Suspense>
  );
}

export function DeferredHistorySync({ station }: { station: StationId }) {
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
