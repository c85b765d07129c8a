import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";
import type { TrackUpdate } from "@/lib/song";
import { STATIONS, type StationId } from "@/lib/stations";
import {
  applyTrackUpdate,
  connectionStarted,
  EMPTY_STATION,
  type HistoryEntry,
  mergeHistory,
  type StationNowPlaying,
} from "./model/apply-track-update";

type NowPlayingState = Record<StationId, StationNowPlaying>;

const initial: NowPlayingState = { jpop: EMPTY_STATION, kpop: EMPTY_STATION };
const store = createSelectableStore<NowPlayingState>(() => initial);

export const useCurrentTrack = (station: StationId) => useStore(store, (s) => s[station].track);
export const useListenerCount = (station: StationId) => useStore(store, (s) => s[station].listeners);
export const useHistory = (station: StationId) => useStore(store, (s) => s[station].history);
export const useQueue = (station: StationId) => useStore(store, (s) => s[station].queue);
/** When the seed gateway last sent `queue` for `station` (null: never, or not since it stopped). */
export const useQueueAt = (station: StationId) => useStore(store, (s) => s[station].queueAt ?? null);

/** Each station's state changes only from that station's own updates. */
export function trackUpdated(station: StationId, update: TrackUpdate, now = Date.now()) {
  tracksUpdated(station, [update], now);
}

/** A burst of updates folded in order, then shown once: one render however many frames arrived. */
export function tracksUpdated(station: StationId, updates: readonly TrackUpdate[], now = Date.now()) {
  stationChanged(station, (before) =>
    updates.reduce((state, update) => applyTrackUpdate(state, update, now), before),
  );
}

/** The gateway (re)connected to `station`: its next frame is taken as the truth (see connectionStarted). */
export function stationConnected(station: StationId) {
  stationChanged(station, connectionStarted);
}

/** The page could not draw the current song: keep it out of the history (and so out of storage). */
export function songUnshowable(station: StationId) {
  stationChanged(station, (state) => {
    const id = state.track?.song.id ?? null;
    return { ...state, unshowableId: id, history: state.history.filter((e) => e.song.id !== id) };
  });
}

/** The page could not draw the history: start it afresh (the next update and the API refill it). */
export function historyUnshowable(station: StationId) {
  stationChanged(station, (state) => (state.history.length > 0 ? { ...state, history: [] } : state));
}

/** A station's state changed by `change` (a pure fold); its views draw again only if it returns a new one. */
export function stationChanged(station: StationId, change: (state: StationNowPlaying) => StationNowPlaying) {
  const before = store.getState()[station];
  const after = change(before);
  if (after !== before) store.setState({ [station]: after } as Partial<NowPlayingState>);
}

/** The history saved by this browser (offline snapshot) joins what the restored song brought. */
export function historyRestored(station: StationId, entries: HistoryEntry[]) {
  stationChanged(station, (state) => ({
    ...state,
    history: mergeHistory(state.history, entries, state.track?.song.id ?? -1),
  }));
}

export const getNowPlaying = (station: StationId) => store.getState()[station];

/** Calls `listener(station)` whenever `select` picks something new from that station's state. */
function subscribeToEachStation<T>(
  select: (state: StationNowPlaying) => T,
  listener: (station: StationId) => void,
): () => void {
  const unsubscribers = STATIONS.map((station) =>
    store.subscribe(
      (s) => select(s[station]),
      () => listener(station),
    ),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** Calls `listener` whenever a station's current track changes. */
export function subscribeToTrack(listener: (station: StationId, state: StationNowPlaying) => void) {
  return subscribeToEachStation(
    (state) => state.track,
    (station) => listener(station, store.getState()[station]),
  );
}

/**
 * Calls `listener` when a station's song changes (another song id, or none), not when the same
 * song's details change, so what is asked again per song is asked once per song.
 */
export function subscribeToSongChange(listener: (station: StationId) => void) {
  return subscribeToEachStation((state) => state.track?.song.id ?? null, listener);
}

export function resetNowPlayingStore() {
  store.setState(initial, true);
}
