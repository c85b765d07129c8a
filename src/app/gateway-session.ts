/** Composition: the page's one gateway client, following the station and the login, feeding the stores. */
import { getGatewayAuth, subscribeToAuth } from "@/features/auth/auth-store";
import { connectionChanged, fieldDropped, frameDropped } from "@/features/gateway/connection-store";
import { createGatewayClient } from "@/features/gateway/gateway-client";
import { trackUpdated } from "@/features/now-playing/now-playing-store";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { gatewayUrl } from "@/lib/config";

export function startGatewaySession(window: Window): () => void {
  const gateway = createGatewayClient({
    urlFor: gatewayUrl,
    environment: { window, document: window.document },
    listener: {
      status: connectionChanged,
      track: (station, update) => trackUpdated(station, update),
      droppedFrame: (_station, reason) => frameDropped(reason),
      droppedField: (_station, field) => fieldDropped(field),
      // A gateway that refuses the token (4003/4004) gets an anonymous identify next time, inside the
      // client. The login stays: only GraphQL's "invalid authorization" ends a session.
    },
  });
  const follow = () => gateway.start(getStation(), getGatewayAuth());
  follow();
  const unsubscribers = [subscribeToStation(follow), subscribeToAuth(follow)];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    gateway.stop();
  };
}
