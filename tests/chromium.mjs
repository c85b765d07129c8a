/**
 * Debian's headless Chromium, launched the same way by the e2e suite, the station's playback check and
 * the bench. The background-networking flags keep it from dialling out of this closed network; the
 * autoplay flag lets tests start audio without a gesture.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export function chromiumPath() {
  return process.env.CHROME_PATH || "/usr/bin/chromium";
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--autoplay-policy=no-user-gesture-required",
];

/**
 * Fails with what to do when Chromium is missing: the browser tests must fail then, never skip.
 * @param {string[]} [extraArgs]
 * @param {{env?: Record<string, string>, sound?: boolean}} [options] `env` is added to the browser's
 *   environment (e.g. PULSE_SERVER); `sound` drops playwright's default `--mute-audio`, so audio
 *   really reaches the sound device instead of a muted stream of zeros.
 */
export async function launchChromium(extraArgs = [], { env = {}, sound = false } = {}) {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium, or set CHROME_PATH`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    env: { ...process.env, ...env },
    ignoreDefaultArgs: sound ? ["--mute-audio"] : undefined,
  });
}
