/**
 * Telling a broken sound device from a broken stream, as pure decisions the audio controller asks.
 *
 * Firefox reports a failing audio output (no device, or the device unplugged mid-play) as
 * MEDIA_ERR_DECODE, the same code as an undecodable stream, while its clock keeps running: the
 * decoder is fine, only the sink is not. Reloading cannot help there, and doing it in a loop churns
 * connections for nothing. So a decode error is judged by what the clock does next; an output failure
 * gets its own state and waits for the device (a cheap Web Audio probe, no network) before one reload.
 */

/** How long to watch the clock after a decode error before calling it a stream problem. */
export const WATCH_CLOCK_MS = 2_000;
/** Clock progress after the error that proves the decoder is still producing audio. */
export const CLOCK_RUNS_ON_S = 0.5;
/** Probing for the device: first after this long, doubling up to the cap. */
export const OUTPUT_PROBE_BASE_MS = 1_000;
export const OUTPUT_PROBE_MAX_MS = 8_000;

export interface DecodeErrorSigns {
  /** Time since the element raised MEDIA_ERR_DECODE. */
  sinceErrorMs: number;
  /** How far the element's clock moved since the error, in seconds. */
  clockAdvancedS: number;
  /** The clock when the error came, in seconds (above 0: frames were decoded). */
  clockAtErrorS: number;
  /** The element fired `playing` for this format before. */
  formatPlayed: boolean;
  /** Another format could stand in (we are not on MP3 already). */
  fallbackAvailable: boolean;
}

export type DecodeErrorVerdict =
  /** Too early to tell: look again on the next watchdog tick. */
  | "wait"
  /** Decoding goes on, sound does not: the output device failed or is gone. */
  | "output-failed"
  /** Never decoded a frame of this format: this browser cannot play it; fall back for good. */
  | "cannot-decode"
  /** The stream broke after playing: treat it like any other media error. */
  | "retry";

export function judgeDecodeError(signs: DecodeErrorSigns): DecodeErrorVerdict {
  if (signs.clockAdvancedS >= CLOCK_RUNS_ON_S) return "output-failed";
  const decodedBefore = signs.formatPlayed || signs.clockAtErrorS > 0;
  if (!decodedBefore) return signs.fallbackAvailable ? "cannot-decode" : "retry";
  if (signs.sinceErrorMs < WATCH_CLOCK_MS) return "wait";
  return "retry";
}

/** What a probe of the output found: Web Audio's context state, or "unknown" without Web Audio. */
export type OutputProbeResult = "running" | "suspended" | "closed" | "unknown";

/**
 * Whether to try the stream again after a probe. Without Web Audio nothing can be known, so the
 * stream itself is the probe, at the slow end of the schedule below.
 */
export function outputLooksBack(result: OutputProbeResult): boolean {
  return result === "running" || result === "unknown";
}

/** Delay before probe number `attempt` (0-based): 1 s, 2 s, 4 s, then every 8 s (a probe is cheap). */
export function outputProbeDelayMs(attempt: number): number {
  return Math.min(OUTPUT_PROBE_MAX_MS, OUTPUT_PROBE_BASE_MS * 2 ** Math.min(attempt, 20));
}
