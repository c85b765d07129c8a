import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";
import { type StationId, type StationView, stationFromPath, stationPath, viewFromPath } from "@/lib/stations";

interface StationState {
  station: StationId;
  /** Which of the station's views the URL shows (now playing, or the listener's favorites). */
  view: StationView;
}

const fromLocation = (): StationState =>
  typeof location === "undefined"
    ? { station: "jpop", view: "home" }
    : { station: stationFromPath(location.pathname), view: viewFromPath(location.pathname) };

const store = createSelectableStore<StationState>(fromLocation);

export const useStation = () => useStore(store, (s) => s.station);
export const useStationView = () => useStore(store, (s) => s.view);
export const getStation = () => store.getState().station;

function pushPath(state: StationState) {
  if (typeof history === "undefined") return;
  const path = stationPath(state.station, state.view);
  if (location.pathname !== path) history.pushState(null, "", path + location.search);
}

/** The listener picked a station: the view stays (favorites stay favorites), the URL follows so a reload keeps it. */
export function stationSelected(station: StationId) {
  const state = store.getState();
  if (state.station === station) return;
  const next = { station, view: state.view };
  store.setState(next);
  pushPath(next);
}

/** The listener followed a link to one of the station's views (client-side, the URL follows). */
export function viewSelected(view: StationView) {
  const state = store.getState();
  if (state.view === view) return;
  const next = { station: state.station, view };
  store.setState(next);
  pushPath(next);
}

/** Back/forward navigation changed the URL: follow it. */
export function locationChanged(pathname: string) {
  store.setState({ station: stationFromPath(pathname), view: viewFromPath(pathname) });
}

export const subscribeToStation = (listener: (station: StationId) => void) =>
  store.subscribe((s) => s.station, listener);

export function resetStationStore() {
  store.setState({ station: "jpop", view: "home" }, true);
}
