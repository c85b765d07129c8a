import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";
import { type StationId, stationFromPath, stationPath } from "@/lib/stations";

const store = createSelectableStore<{ station: StationId }>(() => ({
  station: typeof location === "undefined" ? "jpop" : stationFromPath(location.pathname),
}));

export const useStation = () => useStore(store, (s) => s.station);
export const getStation = () => store.getState().station;

/** The listener picked a station: remember it in the URL so a reload keeps it. */
export function stationSelected(station: StationId) {
  if (store.getState().station === station) return;
  store.setState({ station });
  if (typeof history !== "undefined" && stationFromPath(location.pathname) !== station) {
    history.pushState(null, "", stationPath(station) + location.search);
  }
}

/** Back/forward navigation changed the URL: follow it. */
export function locationChanged(pathname: string) {
  store.setState({ station: stationFromPath(pathname) });
}

export const subscribeToStation = (listener: (station: StationId) => void) =>
  store.subscribe((s) => s.station, listener);

export function resetStationStore() {
  store.setState({ station: "jpop" }, true);
}
