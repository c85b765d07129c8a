/**
 * Composition, loaded on demand: the favorites view (features/favorites) with what other features
 * bring to it: the login prompt (auth), a way back (station), song details (the app's dialog) and the
 * requests feature's buttons. Its query client is the islands' one, so the hearts here and on now
 * playing share one cache.
 */
import { loginPrompted, useAuthSession } from "@/features/auth/auth-store";
import { FavoritesView } from "@/features/favorites/components/favorites-view";
import { favoritesMessages } from "@/features/favorites/messages";
import { ViewLink } from "@/features/station/components/view-link";
import { useMessages } from "@/lib/i18n";
import type { Song } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { useIslandsReady } from "./islands";
import { QueryScope } from "./query-islands";
import { RandomFavoriteSlot, renderRequest } from "./request-slots";

function LoginAction() {
  const words = useMessages(favoritesMessages);
  // The account area's login dialog: one dialog wherever login is asked for.
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      onClick={loginPrompted}
      className="rounded-full bg-station-fill px-4 py-2 text-sm font-semibold text-white hover:bg-station-fill/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
    >
      {words.logIn}
    </button>
  );
}

function BackLink() {
  const words = useMessages(favoritesMessages);
  return (
    <ViewLink
      view="home"
      className="w-fit rounded-full text-sm font-semibold text-station-soft underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
    >
      <span aria-hidden="true">← </span>
      {words.backToNowPlaying}
    </ViewLink>
  );
}

interface FavoritesPageProps {
  station: StationId;
  onShowDetails: (song: Song) => void;
}

export function FavoritesPage({ station, onShowDetails }: FavoritesPageProps) {
  const session = useAuthSession();
  const ready = useIslandsReady();
  // The list and the login dialog both run on the page's query client, there once the islands are.
  const view = (
    <FavoritesView
      session={ready ? session : "waiting"}
      station={station}
      backLink={<BackLink />}
      loginAction={<LoginAction />}
      renderRequest={renderRequest(station)}
      randomRequest={<RandomFavoriteSlot station={station} />}
      onShowDetails={onShowDetails}
    />
  );
  return ready ? <QueryScope>{view}</QueryScope> : view;
}
