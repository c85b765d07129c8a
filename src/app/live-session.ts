/** Composition: the page's one gateway client, feeding the connection and now-playing stores. */
import { connectionChanged, frameDropped } from "@/features/gateway/connection-store";
import { createGatewayClient } from "@/features/gateway/gateway-client";
import { trackUpdated } from "@/features/now-playing/now-playing-store";
import { gatewayUrl } from "@/lib/config";

export const gateway = createGatewayClient({
  urlFor: gatewayUrl,
  listener: {
    status: connectionChanged,
    track: (station, update) => trackUpdated(station, update),
    droppedFrame: (_station, reason) => frameDropped(reason),
  },
});
