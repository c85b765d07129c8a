/**
 * Chromium 156 follows a stream's network error (code 2) with a `pause` event, the element now paused.
 * That pause is the error's, not the person's: the stream must come back by itself (found by the
 * fault matrix: after a cut while the server answered 503, the player stopped for good).
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { type AudioController, createAudioController } from "../audio-controller";
import { RELOAD_MAX_MS } from "../audio-timing";
import type { PlaybackStatus } from "../player-store";
import { FakeAudio } from "./fake-audio";

class ChromiumLikeAudio extends FakeAudio {
  /** What Chromium does when the connection fails mid-stream: error, then pause. */
  networkError() {
    this.error = { code: 2 };
    this.emit("error");
    this.paused = true;
    this.emit("pause");
  }
}

let audio: ChromiumLikeAudio;
let controller: AudioController;
let statuses: PlaybackStatus[];

beforeEach(() => {
  vi.useFakeTimers();
  audio = new ChromiumLikeAudio();
  statuses = [];
  controller = createAudioController({
    element: audio as unknown as HTMLAudioElement,
    streamUrl: (station, format) => `http://radio.test/${station}/${format}`,
    chooseFormat: () => "vorbis",
    onStatus: (s) => statuses.push(s),
    onFormatFailed: () => {},
    random: () => 0,
  });
});

afterEach(() => controller.dispose());

it("retries after a network error even though the element reports a pause", async () => {
  controller.play();
  audio.dispatchEvent(new Event("playing"));
  await vi.advanceTimersByTimeAsync(3_000);
  const loads = audio.loads;
  audio.networkError();
  expect(statuses.at(-1)).toBe("recovering");
  await vi.advanceTimersByTimeAsync(RELOAD_MAX_MS);
  expect(audio.loads).toBeGreaterThan(loads);
  expect(controller.wantsPlayback).toBe(true);
  expect(statuses).not.toContain("stopped");
});

it("still treats a pause without an error as the person's stop", async () => {
  controller.play();
  audio.dispatchEvent(new Event("playing"));
  await vi.advanceTimersByTimeAsync(3_000);
  audio.pause();
  audio.dispatchEvent(new Event("pause"));
  expect(statuses.at(-1)).toBe("stopped");
  expect(controller.wantsPlayback).toBe(false);
});
