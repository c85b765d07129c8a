/**
 * Waits for the sound device to come back without touching the network: a silent Web Audio context
 * only reaches "running" when the browser has an output to run it on. Probes back off (see
 * audio-output-policy.ts) and also run at once when the system reports a device change.
 */
import { type OutputProbeResult, outputLooksBack, outputProbeDelayMs } from "./audio-output-policy";

/** How long a context may take to start on a device that is there (about 1 s on a busy machine). */
const PROBE_TIMEOUT_MS = 3_000;

type AudioContextConstructor = new () => AudioContext;

export async function probeAudioOutput(environment: Window): Promise<OutputProbeResult> {
  const Context = (environment as Window & { AudioContext?: AudioContextConstructor }).AudioContext;
  if (!Context) return "unknown";
  let context: AudioContext;
  try {
    context = new Context();
  } catch {
    return "suspended"; // some browsers throw when there is no device at all
  }
  try {
    if (context.state !== "running") {
      await Promise.race([
        context.resume().catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, PROBE_TIMEOUT_MS)),
      ]);
    }
    return context.state === "running" ? "running" : "suspended";
  } finally {
    context.close().catch(() => {});
  }
}

export interface OutputWatch {
  stop(): void;
}

/**
 * Calls `onBack` once, when a probe says the output works again. `firstAttempt` continues the backoff
 * across repeated failures, so a browser where nothing can be probed retries slower and slower.
 */
export function watchAudioOutput(
  environment: Window | undefined,
  onBack: () => void,
  firstAttempt = 0,
  probe: (environment: Window) => Promise<OutputProbeResult> = probeAudioOutput,
): OutputWatch {
  let stopped = false;
  let attempt = firstAttempt;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let probing = false;
  const devices = environment?.navigator?.mediaDevices;

  async function check() {
    if (stopped || probing) return;
    clearTimeout(timer);
    probing = true;
    const result = environment ? await probe(environment) : "unknown";
    probing = false;
    if (stopped) return;
    if (outputLooksBack(result)) {
      stop();
      onBack();
      return;
    }
    schedule();
  }

  function schedule() {
    timer = setTimeout(check, outputProbeDelayMs(attempt++));
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    devices?.removeEventListener?.("devicechange", check);
  }

  devices?.addEventListener?.("devicechange", check);
  schedule();
  return { stop };
}
