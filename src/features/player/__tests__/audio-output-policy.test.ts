import { describe, expect, it } from "vitest";
import {
  CLOCK_RUNS_ON_S,
  type DecodeErrorSigns,
  judgeDecodeError,
  OUTPUT_PROBE_BASE_MS,
  OUTPUT_PROBE_MAX_MS,
  outputLooksBack,
  outputProbeDelayMs,
  WATCH_CLOCK_MS,
} from "../audio-output-policy";

const base: DecodeErrorSigns = {
  sinceErrorMs: 0,
  clockAdvancedS: 0,
  clockAtErrorS: 0,
  formatPlayed: false,
  fallbackAvailable: true,
};

describe("judging a MEDIA_ERR_DECODE", () => {
  it.each<[string, Partial<DecodeErrorSigns>, ReturnType<typeof judgeDecodeError>]>([
    // Firefox without a sound device: it played, then the error, and the clock runs on.
    [
      "clock runs on after the error",
      { formatPlayed: true, clockAtErrorS: 0.5, clockAdvancedS: CLOCK_RUNS_ON_S },
      "output-failed",
    ],
    [
      "clock runs on even before `playing` was seen",
      { clockAdvancedS: 1, sinceErrorMs: 1_000 },
      "output-failed",
    ],
    [
      "clock runs on, already on MP3",
      { formatPlayed: true, clockAdvancedS: 2, fallbackAvailable: false },
      "output-failed",
    ],
    // A format this browser cannot decode fails before a single frame.
    ["never decoded a frame, MP3 can stand in", {}, "cannot-decode"],
    ["never decoded a frame, already on MP3", { fallbackAvailable: false }, "retry"],
    // It played, then broke: give the clock a moment before deciding.
    ["played, clock stopped, just now", { formatPlayed: true, sinceErrorMs: 0 }, "wait"],
    [
      "played, clock barely moved",
      { formatPlayed: true, clockAdvancedS: CLOCK_RUNS_ON_S / 2, sinceErrorMs: WATCH_CLOCK_MS - 1 },
      "wait",
    ],
    ["frames decoded (no `playing`), clock stopped", { clockAtErrorS: 3, sinceErrorMs: 500 }, "wait"],
    [
      "played, clock stopped for the whole watch",
      { formatPlayed: true, sinceErrorMs: WATCH_CLOCK_MS },
      "retry",
    ],
    [
      "frames decoded, clock stopped for the whole watch",
      { clockAtErrorS: 3, sinceErrorMs: WATCH_CLOCK_MS * 3 },
      "retry",
    ],
  ])("%s → %s", (_, signs, verdict) => {
    expect(judgeDecodeError({ ...base, ...signs })).toBe(verdict);
  });

  it("never calls a stream that decoded before undecodable, whatever the timing", () => {
    for (const sinceErrorMs of [0, 1, WATCH_CLOCK_MS - 1, WATCH_CLOCK_MS, 60_000])
      for (const clockAdvancedS of [0, 0.1, CLOCK_RUNS_ON_S, 10])
        for (const fallbackAvailable of [true, false])
          expect(
            judgeDecodeError({
              ...base,
              formatPlayed: true,
              sinceErrorMs,
              clockAdvancedS,
              fallbackAvailable,
            }),
          ).not.toBe("cannot-decode");
  });

  it("decides within the watch: only `wait` before it ends, never after", () => {
    for (const sinceErrorMs of [WATCH_CLOCK_MS, WATCH_CLOCK_MS + 1, 10 * WATCH_CLOCK_MS])
      for (const clockAdvancedS of [0, 0.2, 1])
        expect(judgeDecodeError({ ...base, formatPlayed: true, sinceErrorMs, clockAdvancedS })).not.toBe(
          "wait",
        );
  });
});

describe("waiting for the device", () => {
  it("tries the stream again only when the probe saw a running output, or could not probe at all", () => {
    expect(outputLooksBack("running")).toBe(true);
    expect(outputLooksBack("unknown")).toBe(true);
    expect(outputLooksBack("suspended")).toBe(false);
    expect(outputLooksBack("closed")).toBe(false);
  });

  it("backs off from 1 s, doubling, to an 8 s cap, and never faster than the first delay", () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(outputProbeDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000,
    ]);
    for (let attempt = 0; attempt < 100; attempt++) {
      const delay = outputProbeDelayMs(attempt);
      expect(delay).toBeGreaterThanOrEqual(OUTPUT_PROBE_BASE_MS);
      expect(delay).toBeLessThanOrEqual(OUTPUT_PROBE_MAX_MS);
      expect(delay).toBeGreaterThanOrEqual(outputProbeDelayMs(Math.max(0, attempt - 1)));
    }
  });
});
