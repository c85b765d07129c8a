import { useEffect } from "react";
import { usePreferRomaji } from "@/features/settings/settings-store";
import type { StationId } from "@/lib/config";
import { artistLine, songTitle } from "@/lib/song";
import { useCurrentTrack } from "./now-playing-store";

const STATION_TITLE: Record<StationId, string> = { jpop: "LISTEN.moe J-pop", kpop: "LISTEN.moe K-pop" };

export function useDocumentTitle(station: StationId) {
  const track = useCurrentTrack(station);
  const romaji = usePreferRomaji();
  useEffect(() => {
    document.title = track
      ? `${songTitle(track.song, romaji)} — ${artistLine(track.song, romaji)} · ${STATION_TITLE[station]}`
      : STATION_TITLE[station];
  }, [track, station, romaji]);
}
