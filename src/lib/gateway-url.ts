import { STATION_INFO, type StationId } from "./stations";

/** A station's gateway on a LISTEN.moe origin: http→ws and https→wss, the path follows the station. */
export function stationGatewayUrl(origin: string, station: StationId): string {
  const wsOrigin = origin.replace(/^http(s?):/i, "ws$1:");
  return `${wsOrigin}${STATION_INFO[station].prefix}/gateway_v2`;
}
