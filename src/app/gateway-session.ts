/** Composition: the page's one gateway client, following the station and the login, feeding the stores. */
import { getGatewayAuth, subscribeToAuth } from "@/features/auth/auth-store";
import { connectionChanged, fieldDropped, frameDropped } from "@/features/gateway/connection-store";
import { takeEarlySocket } from "@/features/gateway/early-socket";
import { createGatewayClient } from "@/features/gateway/gateway-client";
import { stationConnected, tracksUpdated } from "@/features/now-playing/now-playing-store";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { gatewayUrl } from "@/lib/config";
import { createFrameCoalescer } from "@/lib/frame-coalescer";
import type { TrackUpdate } from "@/lib/song";
import { STATIONS, type StationId } from "@/lib/stations";

export function startGatewaySession(window: Window): () => void {
  // Frames are shown at most once per animation frame: a burst renders its last state once.
  const updates = createFrameCoalescer<[StationId, TrackUpdate]>((batch) => {
    for (const station of STATIONS) {
      const forStation = batch.filter(([s]) => s === station).map(([, update]) => update);
      if (forStation.length > 0) tracksUpdated(station, forStation);
    }
  }, window);
  const gateway = createGatewayClient({
    urlFor: gatewayUrl,
    environment: { window, document: window.document },
    // The socket index.html opened while the bundle loaded, with the first song in it already.
    adoptSocket: (url, auth) => takeEarlySocket(window, url, auth),
    listener: {
      status(status) {
        if (status.kind === "live") {
          // Whatever the old socket sent is shown before the new one's first word resets the order.
          updates.flush();
          stationConnected(status.station);
        }
        connectionChanged(status);
      },
      track: (station, update) => updates.push([station, update]),
      droppedFrame: (_station, reason) => frameDropped(reason),
      droppedField: (_station, field) => fieldDropped(field),
      // A gateway that refuses the token (4003/4004) gets an anonymous identify next time, inside the
      // client. The login stays: only GraphQL's "invalid authorization" ends a session.
    },
  });
  const follow = () => gateway.start(getStation(), getGatewayAuth());
  follow();
  // Frames the adopted socket had buffered reach the stores now, before React's first render.
  updates.flush();
  const unsubscribers = [subscribeToStation(follow), subscribeToAuth(follow)];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    gateway.stop();
    updates.dispose();
  };
}
