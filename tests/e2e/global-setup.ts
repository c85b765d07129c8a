/**
 * Once per e2e run: start the local LISTEN.moe, build the app against it, serve the build.
 * Tests get the URLs through vitest's provide/inject.
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startPlayerAgainstStation } from "./support/app";
import { chromiumPath } from "./support/browser";

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
  const player = await startPlayerAgainstStation("e2e");
  project.provide("appUrl", player.appUrl);
  project.provide("stationUrl", player.stationUrl);
  project.provide("distDir", player.distDir);
  project.provide("imageOrigin", player.imageOrigin);
  return () => player.close();
}
