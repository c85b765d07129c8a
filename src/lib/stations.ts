/** The two LISTEN.moe stations: every name, path and colour that differs between them, in one table. */

export type StationId = "jpop" | "kpop";

export interface StationInfo {
  /** How the station is named on screen, in every language. */
  name: string;
  /** Prefix of the station's routes, gateway and stream mounts on LISTEN.moe ("" or "/kpop"). */
  prefix: "" | "/kpop";
  /** The browser chrome colour (meta theme-color). */
  themeColor: string;
  favicon: string;
}

export const STATION_INFO: Readonly<Record<StationId, StationInfo>> = {
  jpop: { name: "J-pop", prefix: "", themeColor: "#ff3d8b", favicon: "/favicon.svg" },
  kpop: { name: "K-pop", prefix: "/kpop", themeColor: "#3b82f6", favicon: "/favicon-kpop.svg" },
};

export const STATIONS: readonly StationId[] = ["jpop", "kpop"];

export const stationName = (station: StationId): string => STATION_INFO[station].name;

/** The station a page path belongs to: `/kpop` and everything below it is K-pop, the rest J-pop. */
export function stationFromPath(pathname: string): StationId {
  return (
    STATIONS.find((id) => {
      const { prefix } = STATION_INFO[id];
      return prefix !== "" && (pathname === prefix || pathname.startsWith(`${prefix}/`));
    }) ?? "jpop"
  );
}

/** The views a station has: what is playing ("home") and the listener's favorites. */
export type StationView = "home" | "favorites";

/** The view a page path shows: `/favorites` and `/kpop/favorites` (a trailing slash allowed), else home. */
export function viewFromPath(pathname: string): StationView {
  const prefix = STATION_INFO[stationFromPath(pathname)].prefix;
  return /^\/favorites\/?$/.test(pathname.slice(prefix.length)) ? "favorites" : "home";
}

/** The page path of a station's view (its home by default). */
export function stationPath(station: StationId, view: StationView = "home"): string {
  const prefix = STATION_INFO[station].prefix;
  return view === "favorites" ? `${prefix}/favorites` : prefix || "/";
}
