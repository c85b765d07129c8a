import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useIsLoggedIn } from "@/features/auth/auth-store";
import { FavoriteButton } from "@/features/favorites/components/favorite-button";
import { invalidateFavorites, useFavoriteStates } from "@/features/favorites/hooks/use-favorites";
import { useConnectionStatus } from "@/features/gateway/connection-store";
import { useCurrentTrack, useHistory } from "@/features/now-playing/now-playing-store";
import type { StationId } from "@/lib/config";
import { type Song, songTitle } from "@/lib/song";

/** Composition: one batched checkFavorite for what is on screen, refreshed on reconnect. */
export function FavoritesSync({ station }: { station: StationId }) {
  const loggedIn = useIsLoggedIn();
  return loggedIn ? <FavoriteStates station={station} /> : null;
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

export function CurrentSongFavorite({ station }: { station: StationId }) {
  const track = useCurrentTrack(station);
  if (!track) return null;
  return (
    <FavoriteButton
      songId={track.song.id}
      title={songTitle(track.song)}
      initialFavorite={track.song.favorite}
      size="lg"
    />
  );
}

export const renderHistoryFavorite = (song: Song) => (
  <FavoriteButton songId={song.id} title={songTitle(song)} initialFavorite={song.favorite} />
);
