import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { startServer } from "../../../src/server/serve.mjs";
import { type StationOptions, startStation } from "../../station/server.mjs";
import { buildPlayer } from "./build";

export interface RunningPlayer {
  appUrl: string;
  stationUrl: string;
  /** The build `appUrl` serves (with its dist/nginx/ includes). */
  distDir: string;
  /** The station's event-image origin, allowed in the build's VITE_IMAGE_ORIGINS. */
  imageOrigin: string;
  close(): Promise<void>;
}

/**
 * A local LISTEN.moe, the production build pointed at it, and that build served. The build bakes the
 * station's origin in, so every station gets its own build, in its own folder (`name`), so runs
 * started side by side never serve each other's half-written output.
 */
export async function startPlayerAgainstStation(
  name: string,
  options: StationOptions = {},
): Promise<RunningPlayer> {
  const station = await startStation({ port: 0, ...options });
  const outDir = resolve("dist-e2e", `${process.pid}-${name}`);
  try {
    await buildPlayer({ listenOrigin: station.url, imageOrigin: station.imageOrigin, outDir });
    const app = await startServer({ dist: outDir, port: 0, listenOrigin: station.url });
    return {
      appUrl: app.url,
      stationUrl: station.url,
      distDir: outDir,
      imageOrigin: station.imageOrigin,
      async close() {
        await app.close();
        await station.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await station.close();
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
