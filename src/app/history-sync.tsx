import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useConnectionStatus } from "@/features/gateway/connection-store";
import { playHistoryQueryOptions } from "@/features/now-playing/api/play-history";
import { historyLoaded, useCurrentTrack } from "@/features/now-playing/now-playing-store";
import type { StationId } from "@/lib/stations";

/** Composition: the station's recent plays from GraphQL join the live history; refreshed on reconnect and track change. */
export function HistorySync({ station }: { station: StationId }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(playHistoryQueryOptions(station));
  const live = useConnectionStatus().kind === "live";
  const songId = useCurrentTrack(station)?.song.id;

  useEffect(() => {
    if (data) historyLoaded(station, data);
  }, [data, station]);

  useEffect(() => {
    if (live && songId !== undefined)
      void queryClient.invalidateQueries({ queryKey: playHistoryQueryOptions(station).queryKey });
  }, [live, songId, station, queryClient]);

  return null;
}
