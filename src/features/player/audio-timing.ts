/** Audio recovery policy, named so tests and docs share the numbers. */
import type { BackoffPolicy } from "@/lib/backoff";

/** Watchdog tick. */
export const WATCHDOG_TICK_MS = 1_000;
/** No progress this long while playing: say "Buffering" instead of "Playing". */
export const BUFFERING_AFTER_MS = 2_500;
/** No progress this long: reload the stream at the live edge. */
export const STALL_RELOAD_MS = 8_000;
/** Reload backoff, with jitter. */
export const RELOAD_BASE_MS = 1_000;
export const RELOAD_MAX_MS = 15_000;
export const RELOAD_BACKOFF: BackoffPolicy = { baseMs: RELOAD_BASE_MS, maxMs: RELOAD_MAX_MS };
/** Progress this long resets the backoff. */
export const HEALTHY_AFTER_MS = 10_000;
/** Give up, visibly, after this long without any progress. */
export const GIVE_UP_AFTER_MS = 3 * 60_000;
/** Perceptual volume: slider position p plays at p^VOLUME_CURVE. */
export const VOLUME_CURVE = 2;

export function perceptualVolume(position: number): number {
  return Math.min(1, Math.max(0, position)) ** VOLUME_CURVE;
}
