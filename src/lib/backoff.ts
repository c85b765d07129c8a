/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of min(max, base·2ⁿ),
 * so a crowd of clients spreads out but no single client retries with a near-zero delay. The gateway,
 * the audio stream and code-split chunks all retry by this rule, each with its own base and cap.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Exponents beyond this cannot change the result (2^30 ms is far past any cap) and would overflow. */
const MAX_EXPONENT = 30;

export function backoffDelayMs(
  attempt: number,
  { baseMs, maxMs }: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.min(Math.floor(attempt) || 0, MAX_EXPONENT));
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
