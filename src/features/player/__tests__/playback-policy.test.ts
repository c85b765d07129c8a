import { describe, expect, it } from "vitest";
import { BUFFERING_AFTER_MS, STALL_RELOAD_MS } from "../audio-timing";
import {
  judgeProgress,
  type MediaErrorContext,
  MOUNT_FAILURES_BEFORE_MP3,
  respondToMediaError,
} from "../model/playback-policy";

const DECODE = 3;
const NETWORK = 2;
const SRC_NOT_SUPPORTED = 4;

describe("respondToMediaError", () => {
  const cases: [string, MediaErrorContext, ReturnType<typeof respondToMediaError>][] = [
    [
      "Vorbis that never played and cannot be decoded",
      { code: DECODE, format: "vorbis", everPlayed: false, unplayedFailures: 1 },
      "format-unsupported",
    ],
    [
      "Opus that never played and cannot be decoded",
      { code: DECODE, format: "opus", everPlayed: false, unplayedFailures: 1 },
      "format-unsupported",
    ],
    [
      "a decode error after the format played (a corrupt page, not the codec)",
      { code: DECODE, format: "vorbis", everPlayed: true, unplayedFailures: 0 },
      "retry",
    ],
    [
      "MP3 never falls back further",
      { code: DECODE, format: "mp3", everPlayed: false, unplayedFailures: 9 },
      "retry",
    ],
    [
      "a first network failure of a fresh mount",
      { code: NETWORK, format: "vorbis", everPlayed: false, unplayedFailures: 1 },
      "retry",
    ],
    [
      "a mount that keeps failing before it ever played",
      {
        code: SRC_NOT_SUPPORTED,
        format: "vorbis",
        everPlayed: false,
        unplayedFailures: MOUNT_FAILURES_BEFORE_MP3,
      },
      "mount-down",
    ],
    [
      "a mount that played before failing again and again",
      { code: NETWORK, format: "opus", everPlayed: true, unplayedFailures: 0 },
      "retry",
    ],
    [
      "no error code at all",
      { code: undefined, format: "vorbis", everPlayed: false, unplayedFailures: 1 },
      "retry",
    ],
  ];
  it.each(cases)("%s", (_name, context, response) => {
    expect(respondToMediaError(context)).toBe(response);
  });
});

describe("judgeProgress", () => {
  const base = { currentTime: 10, lastTime: 10, now: 100_000, lastProgressAt: 100_000, isPlaying: true };
  it.each([
    ["time moved", { ...base, currentTime: 10.5 }, "progress"],
    ["a jitter below 50 ms is not progress", { ...base, currentTime: 10.04 }, "wait"],
    ["just stuck", { ...base, lastProgressAt: base.now - 1_000 }, "wait"],
    [
      "stuck long enough to say so while playing",
      { ...base, lastProgressAt: base.now - BUFFERING_AFTER_MS },
      "buffering",
    ],
    [
      "stuck as long, but not playing yet",
      { ...base, lastProgressAt: base.now - BUFFERING_AFTER_MS, isPlaying: false },
      "wait",
    ],
    ["stalled: reload at the live edge", { ...base, lastProgressAt: base.now - STALL_RELOAD_MS }, "reload"],
    [
      "stalled before ever playing",
      { ...base, lastProgressAt: base.now - STALL_RELOAD_MS, isPlaying: false },
      "reload",
    ],
  ] as const)("%s", (_name, reading, verdict) => {
    expect(judgeProgress(reading)).toBe(verdict);
  });
});
