// `npm run probe-live` against the local station (what it reports for each unknown), and with no
// network at all (a closed loopback port: it must say so and stop, never hang or pretend).
import { execFile } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStation } from "../../tests/station/server.mjs";

const SCRIPT = fileURLToPath(new URL("../probe-live.mjs", import.meta.url));

/** Runs the probe with `env` on top of a clean environment; resolves with its exit code and output. */
function probe(env) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT],
      { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A loopback port nobody listens on: bound, then closed again. */
async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("probe-live", () => {
  it("fails fast with a clear no-network message when the service cannot be reached", async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const result = await probe({ PROBE_LISTEN_ORIGIN: origin });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`probe-live: no network — ${origin} cannot be reached`);
    expect(result.stderr).toContain("nothing was checked");
    expect(result.stdout).toBe("");
  });

  describe("against the local station", () => {
    let station;
    beforeAll(async () => {
      station = await startStation({ listenerDrift: false, cors: "strict" });
      // Into the station's event, so the frame check has an event image to report.
      for (let i = 0; i < 18 && !station.state().stations.jpop.event; i++) station.next("jpop");
    });
    afterAll(() => station.close());

    const lines = (stdout) => stdout.trim().split("\n");

    it("reports each unknown: CORS, the cache-busted stream, /opus, an event frame; no login without a username", async () => {
      const result = await probe({
        PROBE_LISTEN_ORIGIN: station.url,
        VITE_IMAGE_ORIGINS: station.imageOrigin,
      });
      expect(result.code).toBe(0);
      const out = lines(result.stdout);
      expect(out[0]).toBe(`probe-live: read-only checks against ${station.url}`);
      expect(out).toContainEqual(
        expect.stringMatching(/^✘ CORS for \/graphql .*not allowed.*the proxy is needed$/),
      );
      expect(out).toContainEqual(
        expect.stringMatching(/^✔ GET \/stream\?_=x .*HTTP 200, audio\/ogg, audio flowing/),
      );
      expect(out).toContainEqual(
        expect.stringMatching(/^✔ GET \/opus .*HTTP 200, audio\/ogg, audio flowing/),
      );
      expect(out).toContainEqual(
        expect.stringContaining(
          `✔ gateway frame: captured during event "Throwback to some good stuff": image ${station.imageOrigin}/throwback.png (on VITE_IMAGE_ORIGINS`,
        ),
      );
      expect(out).toContainEqual(expect.stringMatching(/^- login error wording: skipped/));
      // Read-only: no login was attempted.
      expect(station.state().graphql.filter((g) => g.operationName === "LoginMutation")).toEqual([]);
    });

    it("sees CORS when the service sends it, and records the wrong-password wording only for a named account", async () => {
      station.configure({ cors: "dev" });
      const result = await probe({ PROBE_LISTEN_ORIGIN: station.url, PROBE_USERNAME: "kana" });
      expect(result.code).toBe(0);
      const out = lines(result.stdout);
      expect(out).toContainEqual(
        expect.stringMatching(/^✔ CORS for \/graphql .*a foreign Origin is allowed/),
      );
      expect(out).toContainEqual(
        '✔ login error wording: HTTP 200; {"message":"Invalid authorization.","code":"UNAUTHENTICATED","path":["login"]}',
      );
      const logins = station.state().graphql.filter((g) => g.operationName === "LoginMutation");
      expect(logins).toHaveLength(1);
    });
  });
});
