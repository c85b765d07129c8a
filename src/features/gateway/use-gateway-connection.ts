import { useEffect } from "react";
import type { StationId } from "@/lib/stations";
import type { GatewayClient } from "./gateway-client";

/** Keep `client` connected to `station` while mounted; StrictMode's remount just reconnects. */
export function useGatewayConnection(client: GatewayClient, station: StationId, auth = "") {
  useEffect(() => {
    client.start(station, auth);
  }, [client, station, auth]);
  useEffect(() => () => client.stop(), [client]);
}
