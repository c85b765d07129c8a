/**
 * Composition, in the islands chunk (not the first screen): the header's "Favorites" link for whoever
 * is logged in, and the account's favorite count as a link to the same view.
 */
import type { ReactNode } from "react";
import { HeartIcon } from "@/components/ui/icons-on-demand";
import { useAuthSession } from "@/features/auth/auth-store";
import { ViewLink } from "@/features/station/components/view-link";
import { useT } from "@/lib/i18n";

export const favoriteCountLink = (count: ReactNode) => (
  <ViewLink
    view="favorites"
    className="underline-offset-2 hover:text-fg hover:underline focus-visible:outline-2 focus-visible:outline-fg"
  >
    {count}
  </ViewLink>
);

export function FavoritesLink() {
  const t = useT();
  if (useAuthSession() === null) return null;
  return (
    <ViewLink
      view="favorites"
      className="inline-flex h-9 items-center gap-1.5 rounded-full px-3 text-sm font-semibold text-fg/80 ring-1 ring-fg/10 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg aria-[current=page]:bg-station/15 aria-[current=page]:text-fg"
    >
      <HeartIcon className="text-station" />
      <span className="max-sm:sr-only">{t.app.favorites}</span>
    </ViewLink>
  );
}
