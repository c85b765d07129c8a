import { useEffect } from "react";
import { usePreferRomaji } from "@/features/settings/settings-store";
import type { StationId } from "@/lib/config";
import { useT } from "@/lib/i18n";
import { artistLine, songTitle } from "@/lib/song";
import { useCurrentTrack } from "./now-playing-store";

const STATION_NAME: Record<StationId, string> = { jpop: "J-pop", kpop: "K-pop" };

export function useDocumentTitle(station: StationId) {
  const track = useCurrentTrack(station);
  const romaji = usePreferRomaji();
  const t = useT();
  useEffect(() => {
    const stationTitle = t.app.stationTitle(STATION_NAME[station]);
    document.title = track
      ? t.app.documentTitle(songTitle(track.song, romaji), artistLine(track.song, romaji), stationTitle)
      : stationTitle;
  }, [track, station, romaji, t]);
}
