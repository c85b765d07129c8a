import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type RunningPlayer, startPlayerAgainstStation } from "../e2e/support/app";
import { stationControl } from "../e2e/support/station";
import { resetAroundEachTest } from "../e2e/support/suite";
import { launchChromiumEngine } from "./adapters/chromium";
import { launchFirefoxEngine } from "./adapters/firefox";
import { launchWebKitEngine } from "./adapters/webkit";
import type { Engine, EngineName, EnginePage, OpenOptions } from "./driver";
import { type SoundServer, startSoundServer } from "./environment";

const LAUNCHERS: Record<EngineName, (env: { pulseServer: string }) => Promise<Engine>> = {
  chromium: launchChromiumEngine,
  firefox: launchFirefoxEngine,
  webkit: launchWebKitEngine,
};

export const SCREENSHOT_DIR = join("test-results", "engines");

export interface EngineSuite {
  readonly engine: Engine;
  readonly appUrl: string;
  readonly station: ReturnType<typeof stationControl>;
  readonly sound: SoundServer;
  /** A fresh page (fresh storage) on the app; closed after the test. */
  open(options?: OpenOptions & { path?: string }): Promise<EnginePage>;
  screenshotPath(name: string): string;
}

/**
 * One engine per test file, with everything it needs of its own: a station, a build pointed at it, a
 * PulseAudio (with its null sink unless `withSink: false`), and the browser. Engines in different
 * files therefore run side by side without seeing each other's sockets, requests or sound streams.
 */
export function setUpEngineSuite(
  name: EngineName,
  { withSink = true, reset = { favorites: true, tokens: true } } = {},
): EngineSuite {
  let player: RunningPlayer | undefined;
  let sound: SoundServer | undefined;
  let engine: Engine | undefined;
  let station: ReturnType<typeof stationControl> | undefined;
  const pages = new Set<EnginePage>();
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll`);
    return value;
  };

  beforeAll(async () => {
    [player, sound] = await Promise.all([startPlayerAgainstStation(name), startSoundServer({ withSink })]);
    station = stationControl(player.stationUrl);
    engine = await LAUNCHERS[name]({ pulseServer: sound.address });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    await engine?.quit();
    await Promise.all([sound?.stop(), player?.close()]);
  });
  resetAroundEachTest(
    () => need(station, "the station"),
    reset,
    async () => {
      await Promise.all([...pages].map((page) => page.close().catch(() => {})));
      pages.clear();
    },
  );

  return {
    get engine() {
      return need(engine, "the browser");
    },
    get appUrl() {
      return need(player, "the app").appUrl;
    },
    get station() {
      return need(station, "the station");
    },
    get sound() {
      return need(sound, "PulseAudio");
    },
    async open({ path = "/", ...options } = {}) {
      const page = await need(engine, "the browser").open(options);
      pages.add(page);
      await page.goto(new URL(path, need(player, "the app").appUrl).href);
      return page;
    },
    screenshotPath: (shot) => join(SCREENSHOT_DIR, `${name}-${shot}.png`),
  };
}
