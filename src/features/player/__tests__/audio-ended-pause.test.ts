/**
 * WebKitGTK 2.50 treats a cut live stream as a finished file: it plays out what it buffered, then,
 * as the spec orders it, fires `pause` (element paused, `ended` true) and then `ended`. That pause is
 * the stream's end, not the listener's: the player must reconnect, not stop (found by the
 * cross-engine suite: after a cut, WebKit said "Stopped" for good).
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { type AudioController, createAudioController } from "../audio-controller";
import { RELOAD_MAX_MS } from "../audio-timing";
import type { PlaybackStatus } from "../player-store";
import { FakeAudio } from "./fake-audio";

class WebKitLikeAudio extends FakeAudio {
  /** The buffered part of a cut stream has played out. */
  playedOut() {
    this.ended = true;
    this.paused = true;
    this.emit("pause");
    this.emit("ended");
  }
}

let audio: WebKitLikeAudio;
let controller: AudioController;
let statuses: PlaybackStatus[];

beforeEach(() => {
  vi.useFakeTimers();
  audio = new WebKitLikeAudio();
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

it("reconnects when a cut stream plays out (pause, then ended) instead of stopping", async () => {
  controller.play();
  audio.dispatchEvent(new Event("playing"));
  await vi.advanceTimersByTimeAsync(20_000);
  const loads = audio.loads;
  audio.playedOut();
  expect(statuses).not.toContain("stopped");
  expect(statuses.at(-1)).toBe("recovering");
  await vi.advanceTimersByTimeAsync(RELOAD_MAX_MS);
  expect(audio.loads).toBeGreaterThan(loads);
  expect(audio.src).toContain("/jpop/vorbis?_=");
});

it("still honours a pause that is not the stream's end (the OS or a headset button)", async () => {
  controller.play();
  audio.dispatchEvent(new Event("playing"));
  await vi.advanceTimersByTimeAsync(20_000);
  audio.paused = true;
  audio.dispatchEvent(new Event("pause"));
  expect(statuses.at(-1)).toBe("stopped");
});
