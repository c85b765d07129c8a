// The station's control API from tests, and the shared setup of suites that open gateway sockets.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startStation } from "../../server.mjs";
import { connectV2 } from "./gateway-client.mjs";

/** POST /__control/<action>; a string body is sent as is (for malformed-body tests). */
export async function control(station, action, body) {
  const res = await fetch(`${station.url}/__control/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * One quiet station per file; before each test the sockets the last test opened are closed and the
 * station is `clear`ed (faults) or `reset` (faults and logs). `open(path)` connects a v2 client;
 * `adopt(client)` hands over one connected otherwise.
 * @param {{ between?: "clear" | "reset" | null }} [options] null: only close the sockets
 */
export function setUpGatewaySuite({ between = "clear" } = {}) {
  const clients = [];
  const suite = {
    station: null,
    open: null,
    /** Closes a socket the test opened some other way along with the rest. */
    adopt: (client) => clients.push(client),
  };
  suite.open = async (path = "/gateway_v2") => {
    const result = await connectV2(suite.station, path);
    clients.push(result.client);
    return result;
  };
  beforeAll(async () => {
    suite.station = await startStation({ listenerDrift: false });
  });
  beforeEach(async () => {
    for (const client of clients.splice(0)) client.close();
    if (between) await control(suite.station, between, {});
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await suite.station.close();
  });
  return suite;
}
