/**
 * First-screen stand-ins for the parts in query-islands.tsx. Until the islands are ready (islands.ts),
 * each stand-in shows nothing, or keeps the place of what will appear so that nothing moves.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import type { FavoriteButton } from "@/features/favorites/components/favorite-button";
import { useT } from "@/lib/i18n";
import { loadIslands, useIslandsReady } from "./islands";

const AccountIsland = lazy(() => loadIslands().then((m) => ({ default: m.AccountIsland })));
const FavoriteButtonIsland = lazy(() => loadIslands().then((m) => ({ default: m.FavoriteButtonIsland })));

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

export function DeferredFavoriteButton(props: ComponentProps<typeof FavoriteButton>) {
  if (!useIslandsReady()) return null;
  return (
    <Suspense fallback={null}>
      <FavoriteButtonIsland {...props} />
    </Suspense>
  );
}
