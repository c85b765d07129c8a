import bootstrapSource from "@/boot/early-gateway.js?raw";
import { earlyGatewayScript } from "@/boot/early-gateway-plugin";
import { endpoints } from "@/lib/config";

/** Runs index.html's gateway bootstrap as the build inlines it. */
export function runEarlyGateway() {
  new Function(earlyGatewayScript(endpoints.listenOrigin, bootstrapSource))();
}
