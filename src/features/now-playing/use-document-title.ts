import { useEffect } from "react";
import { useSongDisplay } from "@/lib/display-preferences";
import { useT } from "@/lib/i18n";
import { artistLine, songTitle } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";
import { useCurrentTrack } from "./now-playing-store";

export function useDocumentTitle(station: StationId) {
  const track = useCurrentTrack(station);
  const display = useSongDisplay();
  const t = useT();
  useEffect(() => {
    const stationTitle = t.app.stationTitle(stationName(station));
    document.title = track
      ? t.app.documentTitle(songTitle(track.song, display), artistLine(track.song, display), stationTitle)
      : stationTitle;
  }, [track, station, display, t]);
}
