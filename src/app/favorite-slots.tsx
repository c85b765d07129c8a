/** Composition: the hearts on now playing and history, for whoever is logged in. */
import { useAuthSession } from "@/features/auth/auth-store";
import { useCurrentTrack } from "@/features/now-playing/now-playing-store";
import { useSongDisplay } from "@/lib/display-preferences";
import { type Song, songTitle } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { DeferredFavoriteButton } from "./deferred";

function SongFavorite({ song, size }: { song: Song; size?: "lg" }) {
  const session = useAuthSession();
  const display = useSongDisplay();
  if (session === null) return null;
  return (
    <DeferredFavoriteButton
      session={session}
      songId={song.id}
      title={songTitle(song, display)}
      gatewayFlag={song.favorite}
      size={size}
    />
  );
}

export function CurrentSongFavorite({ station }: { station: StationId }) {
  const track = useCurrentTrack(station);
  return track ? <SongFavorite song={track.song} size="lg" /> : null;
}

export const renderHistoryFavorite = (song: Song) => <SongFavorite song={song} />;
