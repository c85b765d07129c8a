import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StreamFormat } from "@/lib/config";
import type { StationId } from "@/lib/stations";
import { type AudioController, createAudioController } from "../audio-controller";
import { OUTPUT_PROBE_MAX_MS, WATCH_CLOCK_MS } from "../audio-output-policy";
import { STALL_RELOAD_MS, WATCHDOG_TICK_MS } from "../audio-timing";
import type { PlaybackStatus } from "../player-store";
import { FakeAudio } from "./fake-audio";

/** The sound device, as a Web Audio context sees it. */
let deviceThere: boolean;
let contextsMade: number;
class FakeAudioContext {
  state: AudioContextState = "suspended";
  constructor() {
    contextsMade++;
  }
  async resume() {
    if (deviceThere) this.state = "running";
  }
  async close() {
    this.state = "closed";
  }
}

let audio: FakeAudio;
let controller: AudioController;
let statuses: PlaybackStatus[];
let failedFormats: StreamFormat[];
let mediaDevices: EventTarget;

const url = (station: StationId, f: StreamFormat) => `http://radio.test/${station}/${f}`;
const status = () => statuses.at(-1);

function environment(withWebAudio: boolean) {
  const target = new EventTarget();
  return Object.assign(target, {
    navigator: { mediaDevices },
    ...(withWebAudio ? { AudioContext: FakeAudioContext } : {}),
  }) as unknown as Window;
}

function start(withWebAudio = true) {
  controller = createAudioController({
    element: audio as unknown as HTMLAudioElement,
    streamUrl: url,
    chooseFormat: () => "vorbis",
    onStatus: (s) => statuses.push(s),
    onFormatFailed: (f) => failedFormats.push(f),
    random: () => 0,
    environment: environment(withWebAudio),
  });
}

/** The element's clock runs for `ms` (it does in Firefox even with the error set). */
async function clockRuns(ms: number) {
  for (let t = 0; t < ms; t += WATCHDOG_TICK_MS) {
    if (audio.src) audio.currentTime += WATCHDOG_TICK_MS / 1000;
    await vi.advanceTimersByTimeAsync(WATCHDOG_TICK_MS);
  }
}

/** Plays, then the device fails the way Firefox reports it. */
async function deviceFailsWhilePlaying() {
  controller.play();
  audio.emit("playing");
  await clockRuns(2_000);
  audio.fail(3);
  await clockRuns(WATCH_CLOCK_MS);
}

beforeEach(() => {
  vi.useFakeTimers();
  audio = new FakeAudio();
  statuses = [];
  failedFormats = [];
  mediaDevices = new EventTarget();
  deviceThere = false;
  contextsMade = 0;
});

afterEach(() => controller.dispose());

describe("the sound device fails while the stream decodes", () => {
  it("says so, drops the stream, and does not reload while the device stays away", async () => {
    start();
    await deviceFailsWhilePlaying();
    expect(status()).toBe("no-output");
    expect(audio.src).toBe("");
    expect(failedFormats).toEqual([]); // Vorbis is fine: not a decoding problem
    const loads = audio.loads;
    await clockRuns(5 * 60_000);
    expect(audio.loads).toBe(loads);
    expect(status()).toBe("no-output");
    expect(contextsMade).toBeGreaterThan(5); // it kept asking the device, not the network
  });

  it("plays again, once, when a probe finds the device back", async () => {
    start();
    await deviceFailsWhilePlaying();
    const loads = audio.loads;
    deviceThere = true;
    await clockRuns(OUTPUT_PROBE_MAX_MS + 2_000);
    expect(audio.loads).toBe(loads + 1);
    expect(audio.src).toContain("/jpop/vorbis?_=");
    audio.emit("playing");
    expect(status()).toBe("playing");
  });

  it("checks at once when the system reports a device change", async () => {
    start();
    await deviceFailsWhilePlaying();
    const loads = audio.loads;
    await clockRuns(30_000); // deep into the backoff
    deviceThere = true;
    mediaDevices.dispatchEvent(new Event("devicechange"));
    await vi.advanceTimersByTimeAsync(0);
    expect(audio.loads).toBe(loads + 1);
  });

  it("stops waiting for the device when the listener presses Stop", async () => {
    start();
    await deviceFailsWhilePlaying();
    controller.stop();
    expect(status()).toBe("stopped");
    const loads = audio.loads;
    deviceThere = true;
    await clockRuns(60_000);
    expect(audio.loads).toBe(loads);
  });

  it("without Web Audio, retries the stream itself, slower and slower", async () => {
    start(false);
    controller.play();
    audio.emit("playing");
    await clockRuns(2_000);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      audio.fail(3);
      while (status() !== "no-output") await clockRuns(WATCHDOG_TICK_MS);
      const since = Date.now();
      while (!audio.src) await vi.advanceTimersByTimeAsync(100);
      waits.push(Date.now() - since);
      audio.emit("playing");
      await clockRuns(1_000);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
});

describe("a decode error that is the stream's", () => {
  it("retries the stream when the clock stops after the error", async () => {
    start();
    controller.play();
    audio.emit("playing");
    await clockRuns(2_000);
    const loads = audio.loads;
    audio.fail(3);
    await vi.advanceTimersByTimeAsync(WATCH_CLOCK_MS + STALL_RELOAD_MS);
    expect(statuses).toContain("recovering");
    expect(statuses).not.toContain("no-output");
    expect(audio.loads).toBeGreaterThan(loads);
    expect(failedFormats).toEqual([]);
  });

  it("falls back to MP3 for good at once when the format never decoded a frame", async () => {
    start();
    controller.play();
    audio.fail(3);
    expect(failedFormats).toEqual(["vorbis"]);
    expect(statuses).not.toContain("no-output");
  });
});
