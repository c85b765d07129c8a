/**
 * Recent plays loaded from the API join the history (romanised titles, lengths and start times
 * included). Loaded with the query session, off the first screen.
 */

import type { StationId } from "@/lib/stations";
import type { HistoryEntry } from "./model/apply-track-update";
import { mergeLoadedHistory } from "./model/merge-loaded-history";
import { stationChanged } from "./now-playing-store";

export function historyLoaded(station: StationId, entries: HistoryEntry[]) {
  stationChanged(station, (state) => mergeLoadedHistory(state, entries));
}
