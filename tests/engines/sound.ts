/**
 * Judging what the sound device received: loud enough to be the station's music, and for how long it
 * fell silent. Windows of 50 ms; "silent" is an RMS under 1% of full scale (the jingle never drops that
 * low for a whole window while playing, as Chromium's output shows).
 */
import { expect } from "vitest";
import { RECORD_RATE } from "./environment";

const WINDOW_MS = 50;
const SILENT_RMS = 327;

function windowRms(samples: Int16Array): number[] {
  const size = (RECORD_RATE * WINDOW_MS) / 1000;
  const out: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += samples[i] * samples[i];
    out.push(Math.sqrt(sum / size));
  }
  return out;
}

export interface Loudness {
  /** Seconds of sound analysed. */
  seconds: number;
  /** Share of 50 ms windows with sound in them (0..1). */
  soundingShare: number;
  /** The longest unbroken silence, in ms (0 when none). */
  longestSilenceMs: number;
}

export function loudness(samples: Int16Array): Loudness {
  const windows = windowRms(samples);
  let run = 0;
  let longest = 0;
  let sounding = 0;
  for (const rms of windows) {
    if (rms < SILENT_RMS) {
      run++;
      longest = Math.max(longest, run);
    } else {
      sounding++;
      run = 0;
    }
  }
  return {
    seconds: samples.length / RECORD_RATE,
    soundingShare: windows.length ? sounding / windows.length : 0,
    longestSilenceMs: longest * WINDOW_MS,
  };
}

/**
 * The station's music came out: sound in most of the recording. (A muted browser still opens an output
 * stream but writes zeros: 0%. The jingle itself sounds in about 97% of windows, with rests up to
 * ~400 ms, so a short recording is held to more than half.)
 */
export function expectMusic(samples: Int16Array) {
  const heard = loudness(samples);
  expect(heard.soundingShare, JSON.stringify(heard)).toBeGreaterThan(0.5);
}
