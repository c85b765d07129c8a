/**
 * Composition: every part of the page that talks to GraphQL through TanStack Query. This module is
 * loaded after the first render (islands.ts), because the query library alone is about a tenth of
 * the first screen's size budget and nothing it serves is needed to show what is playing.
 */
import { QueryClientProvider } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import { AccountArea } from "@/features/auth/components/account-area";
import { FavoriteButton } from "@/features/favorites/components/favorite-button";
import { FavoritesLink, favoriteCountLink } from "./favorites-links";
import { activeQueryClient } from "./query-session";

export { startDeferredEffects } from "./deferred-effects";
export { startQuerySession } from "./query-session";

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
