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

/** The page path of a station's home. */
export function stationPath(station: StationId): string {
  return STATION_INFO[station].prefix || "/";
}
