/** If startTime lies this far in the future, it is the song's end, not its start. */
export const FUTURE_START_TOLERANCE_MS = 5_000;

/**
 * `startTime` is disputed (protocol §2.9.1): documented as the song's start, but production has been
 * seen sending its end. A time clearly in the future can only be the end; anything else is the start.
 */
export function deriveStartedAt(startTime: string | null, durationSeconds: number, now: number): number {
  const stamp = startTime ? Date.parse(startTime) : Number.NaN;
  if (!Number.isFinite(stamp)) return now;
  if (stamp > now + FUTURE_START_TOLERANCE_MS) {
    return durationSeconds > 0 ? Math.min(now, stamp - durationSeconds * 1000) : now;
  }
  return Math.min(stamp, now);
}

/** Whole seconds played, clamped to [0, duration]. */
export function elapsedSeconds(startedAt: number, durationSeconds: number, now: number): number {
  const elapsed = Math.floor((now - startedAt) / 1000);
  return Math.min(Math.max(elapsed, 0), Math.max(durationSeconds, 0));
}
