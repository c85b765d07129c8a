/**
 * Sleep timer: at the chosen moment the volume fades out over FADE_MS and playback stops.
 * Free of React; the player store holds when it fires, so the UI can show it.
 */
import { getPlayerState, sleepTimerChanged, subscribeToPlayer } from "./player-store";

export const FADE_MS = 8_000;
const FADE_STEPS = 40;

type Timer = ReturnType<typeof setTimeout>;

export interface SleepTimerHooks {
  /** 1 = full volume, 0 = silent; multiplies the user's volume. */
  setFade(factor: number): void;
  stop(): void;
}

export function startSleepTimer(hooks: SleepTimerHooks, now: () => number = Date.now): () => void {
  let fadeTimer: Timer | undefined;
  let fadeStep: ReturnType<typeof setInterval> | undefined;

  function cancel() {
    clearTimeout(fadeTimer);
    clearInterval(fadeStep);
    fadeTimer = fadeStep = undefined;
    hooks.setFade(1);
  }

  function fadeOut() {
    const startedAt = now();
    fadeStep = setInterval(() => {
      const progress = Math.min(1, (now() - startedAt) / FADE_MS);
      hooks.setFade(1 - progress);
      if (progress < 1) return;
      clearInterval(fadeStep);
      fadeStep = undefined;
      hooks.stop();
      hooks.setFade(1);
      sleepTimerChanged(null);
    }, FADE_MS / FADE_STEPS);
  }

  function schedule(at: number | null) {
    cancel();
    if (at === null) return;
    fadeTimer = setTimeout(fadeOut, Math.max(0, at - FADE_MS - now()));
  }

  schedule(getPlayerState().sleepAt);
  const unsubscribe = subscribeToPlayer((s) => s.sleepAt, schedule);
  return () => {
    unsubscribe();
    cancel();
  };
}
