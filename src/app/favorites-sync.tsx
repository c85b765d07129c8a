import { useIsLoggedIn } from "@/features/auth/auth-store";
import { useCurrentTrack } from "@/features/now-playing/now-playing-store";
import { type Song, songTitle } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { DeferredFavoriteButton, DeferredFavoriteStates } from "./deferred";

/**
 * Composition: favorites exist only for a logged-in listener, so their code (and the query library
 * under it) loads only then; anonymous pages never fetch it for the hearts.
 */
export function FavoritesSync({ station }: { station: StationId }) {
  const loggedIn = useIsLoggedIn();
  return loggedIn ? <DeferredFavoriteStates station={station} /> : null;
}

export function CurrentSongFavorite({ station }: { station: StationId }) {
  const track = useCurrentTrack(station);
  const loggedIn = useIsLoggedIn();
  if (!track || !loggedIn) return null;
  return (
    <DeferredFavoriteButton
      songId={track.song.id}
      title={songTitle(track.song)}
      initialFavorite={track.song.favorite}
      size="lg"
    />
  );
}

function HistoryFavorite({ song }: { song: Song }) {
  const loggedIn = useIsLoggedIn();
  if (!loggedIn) return null;
  return <DeferredFavoriteButton songId={song.id} title={songTitle(song)} initialFavorite={song.favorite} />;
}

export const renderHistoryFavorite = (song: Song) => <HistoryFavorite song={song} />;
