/** Composition: the page follows the station (colours, browser chrome, favicon) and the URL follows back/forward. */
import { getStation, locationChanged, subscribeToStation } from "@/features/station/station-store";
import { STATION_INFO, type StationId } from "@/lib/stations";

function applyStation(document: Document, station: StationId) {
  const { themeColor, favicon } = STATION_INFO[station];
  document.documentElement.dataset.station = station;
  document.querySelector('meta[name="theme-color"]')?.setAttribute("content", themeColor);
  document.querySelector('link[rel="icon"]')?.setAttribute("href", favicon);
}

export function startStationChrome(window: Window): () => void {
  const { document } = window;
  applyStation(document, getStation());
  const unsubscribe = subscribeToStation((station) => applyStation(document, station));
  const onPopState = () => locationChanged(window.location.pathname);
  window.addEventListener("popstate", onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener("popstate", onPopState);
  };
}
