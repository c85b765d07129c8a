/** If startTime lies this far in the future, it is the song's end, not its start. */
export const FUTURE_START_TOLERANCE_MS = 5_000;

/** What a station's `startTime` means, once seen on a song change; null until then. */
export type StampMeaning = "start" | "end";

/**
 * `startTime` is disputed (protocol §2.9.1): documented as the song's start, but production has been
 * seen sending its end. A station whose meaning we have seen (`learnStampMeaning`) is read that way.
 * Before that, a time clearly in the future can only be the end and anything else is the start; that
 * guess is wrong for a start stamp when our clock is more than the tolerance behind the server's.
 */
export function deriveStartedAt(
  startTime: string | null,
  durationSeconds: number,
  now: number,
  meaning: StampMeaning | null = null,
): number {
  const stamp = startTime ? Date.parse(startTime) : Number.NaN;
  if (!Number.isFinite(stamp)) return now;
  const isEnd = meaning ? meaning === "end" : stamp > now + FUTURE_START_TOLERANCE_MS;
  if (isEnd) return durationSeconds > 0 ? Math.min(now, stamp - durationSeconds * 1000) : now;
  return Math.min(stamp, now);
}

/**
 * A song change seen live arrives as the song starts, so its stamp lies near now if it is the start,
 * and a song's length later if it is the end, whichever way our clock is off (by less than half a
 * song). Null when the frame cannot tell: no stamp, or no duration to tell the readings apart.
 */
export function learnStampMeaning(
  stamp: number | null,
  durationSeconds: number,
  now: number,
): StampMeaning | null {
  if (stamp === null || durationSeconds <= 0) return null;
  const asStart = Math.abs(stamp - now);
  const asEnd = Math.abs(stamp - durationSeconds * 1000 - now);
  return asEnd < asStart ? "end" : "start";
}

/** Whole seconds played, clamped to [0, duration]. */
export function elapsedSeconds(startedAt: number, durationSeconds: number, now: number): number {
  const elapsed = Math.floor((now - startedAt) / 1000);
  return Math.min(Math.max(elapsed, 0), Math.max(durationSeconds, 0));
}
