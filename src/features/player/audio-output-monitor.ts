/**
 * The audio controller's helper for MEDIA_ERR_DECODE: it watches the clock after the error (the
 * policy decides what that means), and while the sound device is gone it waits for the device
 * instead of reloading. Kept apart from the controller so the controller only says where it asks.
 */
import { judgeDecodeError } from "./audio-output-policy";
import { type OutputWatch, watchAudioOutput } from "./audio-output-probe";

export interface OutputMonitorOptions {
  element: HTMLMediaElement;
  now: () => number;
  environment: Window | undefined;
  /** The device failed: drop the stream and show the state. */
  onOutputFailed(): void;
  /** A probe says the device works again: load the stream once. */
  onOutputBack(): void;
  /** This format never decoded here: fall back for good. */
  onCannotDecode(): void;
  /** A stream problem after all: retry as for any media error. */
  onStreamError(): void;
}

/** What the controller knows about the format that failed. */
export interface FormatContext {
  formatPlayed: boolean;
  fallbackAvailable: boolean;
}

export function outputMonitor(options: OutputMonitorOptions) {
  const { element, now } = options;
  let pending: { at: number; clock: number } | null = null;
  let watch: OutputWatch | null = null;
  /** Output failures since playback was last healthy: the device probe backs off across them. */
  let failures = 0;

  function judge(context: FormatContext) {
    if (!pending) return;
    const verdict = judgeDecodeError({
      sinceErrorMs: now() - pending.at,
      clockAdvancedS: element.currentTime - pending.clock,
      clockAtErrorS: pending.clock,
      ...context,
    });
    if (verdict === "wait") return;
    pending = null;
    if (verdict === "output-failed") {
      options.onOutputFailed();
      watch = watchAudioOutput(
        options.environment,
        () => {
          watch = null;
          options.onOutputBack();
        },
        failures++,
      );
    } else if (verdict === "cannot-decode") options.onCannotDecode();
    else options.onStreamError();
  }

  function reset() {
    pending = null;
    watch?.stop();
    watch = null;
  }

  return {
    /** The element raised MEDIA_ERR_DECODE for the current source. */
    decodeError(context: FormatContext) {
      pending = { at: now(), clock: element.currentTime };
      judge(context);
    },
    /** Called on every watchdog tick; true while the monitor owns the situation (skip the stall checks). */
    handling(context: FormatContext): boolean {
      if (watch) return true;
      if (!pending) return false;
      judge(context);
      return true;
    },
    /** A new source is loading: whatever was pending was about the old one. */
    sourceChanged: reset,
    /** Playback has been healthy for a while: the next device failure starts the probes afresh. */
    healthy() {
      failures = 0;
    },
    /** Playback stopped or the controller is disposed. */
    reset,
  };
}
