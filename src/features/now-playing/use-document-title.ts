import { useEffect } from "react";
import type { StationId } from "@/lib/config";
import { artistLine, songTitle } from "@/lib/song";
import { useCurrentTrack } from "./now-playing-store";

const STATION_TITLE: Record<StationId, string> = { jpop: "LISTEN.moe J-pop", kpop: "LISTEN.moe K-pop" };

export function useDocumentTitle(station: StationId) {
  const track = useCurrentTrack(station);
  useEffect(() => {
    document.title = track
      ? `${songTitle(track.song)} — ${artistLine(track.song)} · ${STATION_TITLE[station]}`
      : STATION_TITLE[station];
  }, [track, station]);
}
