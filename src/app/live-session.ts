/** Composition: the page's one gateway client, feeding the connection and now-playing stores. */
import { sessionExpired } from "@/features/auth/auth-store";
import { connectionChanged, frameDropped } from "@/features/gateway/connection-store";
import { createGatewayClient } from "@/features/gateway/gateway-client";
import { INVALID_AUTH_CLOSE_CODE } from "@/features/gateway/protocol";
import { trackUpdated } from "@/features/now-playing/now-playing-store";
import { gatewayUrl } from "@/lib/config";

export const gateway = createGatewayClient({
  urlFor: gatewayUrl,
  listener: {
    status: connectionChanged,
    track: (station, update) => trackUpdated(station, update),
    droppedFrame: (_station, reason) => frameDropped(reason),
    // The v1 (seed) gateway closes with INVALID_AUTH when it rejects our token.
    closed: (_station, code) => {
      if (code === INVALID_AUTH_CLOSE_CODE) sessionExpired();
    },
  },
});
