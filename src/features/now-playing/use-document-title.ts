import { useEffect } from "react";
import { usePreferRomaji } from "@/features/settings/settings-store";
import { useT } from "@/lib/i18n";
import { artistLine, songTitle } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";
import { useCurrentTrack } from "./now-playing-store";

export function useDocumentTitle(station: StationId) {
  const track = useCurrentTrack(station);
  const romaji = usePreferRomaji();
  const t = useT();
  useEffect(() => {
    const stationTitle = t.app.stationTitle(stationName(station));
    document.title = track
      ? t.app.documentTitle(songTitle(track.song, romaji), artistLine(track.song, romaji), stationTitle)
      : stationTitle;
  }, [track, station, romaji, t]);
}
