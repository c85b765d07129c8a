/**
 * Once per e2e run: start the local LISTEN.moe, build the app against it, serve the build.
 * Tests get the URLs through vitest's provide/inject.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startServer } from "../../src/server/serve.mjs";
import { startStation } from "../station/server.mjs";
import { chromiumPath } from "./support/browser";
import { buildPlayer } from "./support/build";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    stationUrl: string;
    /** The build `appUrl` serves (with its dist/nginx/ includes), for the nginx front's tests. */
    distDir: string;
    /** The station's event-image origin (another port), allowed in the build's VITE_IMAGE_ORIGINS. */
    imageOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const browser = chromiumPath();
  if (!existsSync(browser)) {
    throw new Error(
      `No Chromium at ${browser}. Install it with "apt-get install -y chromium" (or set CHROME_PATH); the e2e tests need a real browser.`,
    );
  }
  const station = await startStation({ port: 0 });
  // One folder per run, so runs started side by side never serve each other's half-written build.
  const outDir = resolve("dist-e2e", String(process.pid));
  await buildPlayer({ listenOrigin: station.url, imageOrigin: station.imageOrigin, outDir });
  const app = await startServer({ dist: outDir, port: 0, listenOrigin: station.url });
  project.provide("appUrl", app.url);
  project.provide("stationUrl", station.url);
  project.provide("distDir", outDir);
  project.provide("imageOrigin", station.imageOrigin);
  return async () => {
    await app.close();
    await station.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
