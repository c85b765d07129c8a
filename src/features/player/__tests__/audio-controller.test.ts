import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelayMs } from "@/lib/backoff";
import type { StreamFormat } from "@/lib/config";
import type { StationId } from "@/lib/stations";
import { type AudioController, createAudioController } from "../audio-controller";
import {
  BUFFERING_AFTER_MS,
  RELOAD_BACKOFF,
  RELOAD_BASE_MS,
  RELOAD_MAX_MS,
  STALL_RELOAD_MS,
  WATCHDOG_TICK_MS,
} from "../audio-timing";
import { MOUNT_FAILURES_BEFORE_MP3 } from "../model/playback-policy";
import type { PlaybackStatus } from "../player-store";
import { FakeAudio } from "./fake-audio";

let audio: FakeAudio;
let controller: AudioController;
let statuses: PlaybackStatus[];
let failedFormats: StreamFormat[];
let format: StreamFormat;

const url = (station: StationId, f: StreamFormat) => `http://radio.test/${station}/${f}`;
const status = () => statuses.at(-1);

beforeEach(() => {
  vi.useFakeTimers();
  audio = new FakeAudio();
  statuses = [];
  failedFormats = [];
  format = "vorbis";
  controller = createAudioController({
    element: audio as unknown as HTMLAudioElement,
    streamUrl: url,
    chooseFormat: () => format,
    onStatus: (s) => statuses.push(s),
    onFormatFailed: (f) => {
      failedFormats.push(f);
      format = "mp3";
    },
    random: () => 0,
  });
});

afterEach(() => controller.dispose());

/** Let the stream advance in real time for `ms`. */
async function playFor(ms: number) {
  for (let t = 0; t < ms; t += WATCHDOG_TICK_MS) {
    audio.currentTime += WATCHDOG_TICK_MS / 1000;
    await vi.advanceTimersByTimeAsync(WATCHDOG_TICK_MS);
  }
}

describe("audio controller", () => {
  it("plays a fresh, cache-busted URL and reports playing from media events", async () => {
    controller.play();
    expect(status()).toBe("connecting");
    expect(audio.src).toMatch(/^http:\/\/radio\.test\/jpop\/vorbis\?_=/);
    audio.emit("playing");
    expect(status()).toBe("playing");
  });

  it("stop releases the stream; play again joins the live edge with a new URL", async () => {
    controller.play();
    audio.emit("playing");
    await playFor(3_000);
    const first = audio.src;
    controller.stop();
    expect(audio.src).toBe("");
    expect(status()).toBe("stopped");
    await vi.advanceTimersByTimeAsync(5_000);
    controller.play();
    expect(audio.src).not.toBe(first);
    expect(audio.src).toContain("/jpop/vorbis?_=");
  });

  it("says buffering, then reloads, when time stops moving without any event", async () => {
    controller.play();
    audio.emit("playing");
    await playFor(3_000);
    const stalledSrc = audio.src;
    await vi.advanceTimersByTimeAsync(BUFFERING_AFTER_MS + WATCHDOG_TICK_MS);
    expect(status()).toBe("buffering");
    await vi.advanceTimersByTimeAsync(STALL_RELOAD_MS);
    expect(statuses).toContain("recovering");
    await vi.advanceTimersByTimeAsync(RELOAD_BASE_MS);
    expect(audio.src).not.toBe(stalledSrc);
    audio.emit("playing");
    await playFor(2_000);
    expect(status()).toBe("playing");
  });

  it("retries network and HTTP failures (media errors 2 and 4) with backoff", async () => {
    controller.play();
    audio.emit("playing");
    const loadsBefore = audio.loads;
    const [first, second] = [
      backoffDelayMs(0, RELOAD_BACKOFF, () => 0),
      backoffDelayMs(1, RELOAD_BACKOFF, () => 0),
    ];
    expect(second).toBeGreaterThan(first);
    audio.fail(2);
    expect(status()).toBe("recovering");
    await vi.advanceTimersByTimeAsync(first - 1);
    expect(audio.loads).toBe(loadsBefore);
    await vi.advanceTimersByTimeAsync(1);
    expect(audio.loads).toBe(loadsBefore + 1);
    audio.fail(4);
    await vi.advanceTimersByTimeAsync(second - 1);
    expect(audio.loads).toBe(loadsBefore + 1);
    await vi.advanceTimersByTimeAsync(1);
    expect(audio.loads).toBe(loadsBefore + 2);
  });

  it("falls back to MP3 for good when Vorbis cannot be decoded", async () => {
    controller.play();
    audio.fail(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(failedFormats).toEqual(["vorbis"]);
    expect(audio.src).toContain("/jpop/mp3?_=");
  });

  it("lets MP3 stand in for this visit when the Vorbis mount keeps failing before it ever played", async () => {
    controller.play();
    for (let i = 0; i < MOUNT_FAILURES_BEFORE_MP3; i++) {
      expect(audio.src).toContain("/jpop/vorbis?_=");
      audio.fail(4);
      await vi.advanceTimersByTimeAsync(RELOAD_MAX_MS);
    }
    expect(audio.src).toContain("/jpop/mp3?_=");
    expect(failedFormats).toEqual([]); // not remembered: the mount may be back next visit
  });

  it("switches the stream with the station while playing, and stays silent while stopped", async () => {
    controller.setStation("kpop");
    expect(audio.src).toBe("");
    controller.play();
    expect(audio.src).toContain("/kpop/vorbis");
    controller.setStation("jpop");
    expect(audio.src).toContain("/jpop/vorbis");
    controller.stop();
    controller.setStation("kpop");
    expect(audio.src).toBe("");
    expect(audio.paused).toBe(true);
  });

  it("waits for the user when the browser blocks autoplay", async () => {
    audio.playResult = Promise.reject(new DOMException("no gesture", "NotAllowedError"));
    audio.playResult.catch(() => {});
    controller.play();
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe("blocked");
    const loads = audio.loads;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(audio.loads).toBe(loads);
  });

  it("treats an outside pause (OS, headphones unplugged) as stop", async () => {
    controller.play();
    audio.emit("playing");
    await playFor(2_000);
    audio.pause();
    audio.emit("pause");
    expect(status()).toBe("stopped");
    expect(controller.wantsPlayback).toBe(false);
  });
});
