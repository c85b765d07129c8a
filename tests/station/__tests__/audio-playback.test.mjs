// Every mount must really play in Chromium, including across the point where the server loops
// the jingle: listeners start 28 s into the 30 s (J-pop) / 32 s (K-pop) files, so the loop is
// crossed after 2-4 s of playback.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../chromium.mjs";
import { MOUNTS } from "../audio.mjs";
import { startStation } from "../server.mjs";

const PLAY_SECONDS = 6;

describe("playback in headless Chromium", () => {
  let station;
  let browser;
  beforeAll(async () => {
    station = await startStation({ audioStartSeconds: 28, listenerDrift: false });
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await station?.close();
  });

  it("plays every mount with currentTime advancing and audible output across the loop", async () => {
    const results = await Promise.all(
      Object.keys(MOUNTS).map(async (path) => {
        const page = await browser.newPage();
        try {
          await page.goto(`${station.url}/`);
          const result = await page.evaluate(
            async ([src, seconds]) => {
              const audio = new Audio(src);
              const errors = [];
              audio.addEventListener("error", () => errors.push(audio.error?.code ?? -1));
              // Route the element through an analyser to prove that samples are decoded.
              const context = new AudioContext();
              const analyser = context.createAnalyser();
              context.createMediaElementSource(audio).connect(analyser);
              analyser.connect(context.destination);
              const buffer = new Float32Array(analyser.fftSize);
              const level = () => {
                analyser.getFloatTimeDomainData(buffer);
                return Math.sqrt(buffer.reduce((sum, v) => sum + v * v, 0) / buffer.length);
              };
              await audio.play();
              const times = [];
              const levels = [];
              for (let i = 0; i < seconds * 4; i++) {
                await new Promise((resolve) => setTimeout(resolve, 250));
                times.push(audio.currentTime);
                levels.push(level());
              }
              audio.pause();
              return { times, levels, errors, paused: audio.paused };
            },
            [path, PLAY_SECONDS],
          );
          return { path, ...result };
        } finally {
          await page.close();
        }
      }),
    );
    if (process.env.STATION_DEBUG)
      console.log(
        JSON.stringify(
          results.map((r) => [
            r.path,
            r.times.map((t) => +t.toFixed(1)).join(" "),
            Math.max(...r.levels).toFixed(2),
          ]),
        ),
      );
    for (const { path, times, levels, errors } of results) {
      expect(errors, path).toEqual([]);
      // Allow ~1.5 s to start on a busy 2-core machine, then steady progress.
      expect(times.at(-1), path).toBeGreaterThan(PLAY_SECONDS - 2);
      const frozen = times.slice(8).filter((t, i, all) => i > 0 && t <= all[i - 1]).length;
      expect(frozen, `${path} froze: ${times.map((t) => t.toFixed(2)).join(" ")}`).toBeLessThanOrEqual(1);
      // Sound after the loop point (the last 1.5 s of the run).
      const late = levels.slice(-6);
      expect(Math.max(...late), path).toBeGreaterThan(0.02);
    }
    const requests = station.state().audio.requests.filter((r) => r.status === 200);
    expect(new Set(requests.map((r) => r.path))).toEqual(new Set(Object.keys(MOUNTS)));
  }, 40_000);
});
