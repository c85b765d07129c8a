/**
 * The audio controller's decisions as pure functions: what a media error means for the stream format,
 * and what a watchdog tick concludes from the clock. The controller applies them to the element.
 */
import type { StreamFormat } from "@/lib/config";
import { BUFFERING_AFTER_MS, STALL_RELOAD_MS } from "../audio-timing";

/** How many failures of a mount that never played before MP3 takes over for the visit. */
export const MOUNT_FAILURES_BEFORE_MP3 = 2;

/** MediaError.MEDIA_ERR_DECODE: the browser could not decode what it got. */
const MEDIA_ERR_DECODE = 3;

export interface MediaErrorContext {
  /** MediaError.code, if the element has one. */
  code: number | undefined;
  format: StreamFormat;
  /** Whether this format has played at all during this visit. */
  everPlayed: boolean;
  /** Failures of this format before it ever played, this one included. */
  unplayedFailures: number;
}

export type MediaErrorResponse =
  /** This browser cannot decode the format: stop choosing it, reload at once with MP3. */
  | "format-unsupported"
  /** The mount keeps failing before it ever played (404, 503…): MP3 stands in for this visit. */
  | "mount-down"
  /** Anything else: reload with backoff. */
  | "retry";

export function respondToMediaError({
  code,
  format,
  everPlayed,
  unplayedFailures,
}: MediaErrorContext): MediaErrorResponse {
  if (format === "mp3" || everPlayed) return "retry";
  if (code === MEDIA_ERR_DECODE) return "format-unsupported";
  return unplayedFailures >= MOUNT_FAILURES_BEFORE_MP3 ? "mount-down" : "retry";
}

export interface WatchdogReading {
  currentTime: number;
  /** currentTime at the last tick that saw progress. */
  lastTime: number;
  now: number;
  lastProgressAt: number;
  isPlaying: boolean;
}

export type WatchdogVerdict = "progress" | "reload" | "buffering" | "wait";

/** Time moves: all is well. Stuck long enough: reload at the live edge. Stuck briefly while playing: say "Buffering". */
export function judgeProgress({
  currentTime,
  lastTime,
  now,
  lastProgressAt,
  isPlaying,
}: WatchdogReading): WatchdogVerdict {
  if (currentTime > lastTime + 0.05) return "progress";
  const stuckFor = now - lastProgressAt;
  if (stuckFor >= STALL_RELOAD_MS) return "reload";
  if (stuckFor >= BUFFERING_AFTER_MS && isPlaying) return "buffering";
  return "wait";
}
