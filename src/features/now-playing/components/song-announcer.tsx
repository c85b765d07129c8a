import { useSongDisplay } from "@/lib/display-preferences";
import { useT } from "@/lib/i18n";
import { artistLine, songTitle } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { useCurrentTrack } from "../now-playing-store";

/**
 * Tells screen-reader users when the song changes, once per song: the text changes only with the
 * song (never with the listener count or the progress), and the region is polite.
 */
export function SongAnnouncer({ station }: { station: StationId }) {
  const track = useCurrentTrack(station);
  const display = useSongDisplay();
  const t = useT();
  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {track
        ? t.nowPlaying.announcement(songTitle(track.song, display), artistLine(track.song, display))
        : ""}
    </p>
  );
}
