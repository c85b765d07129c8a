import { RECONNECT_BASE_MS, RECONNECT_MAX_MS } from "../protocol";

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal jitter" so that
 * a crowd of clients spreads out but no single client hammers the server with near-zero delays.
 */
export function reconnectDelayMs(
  attempt: number,
  random: () => number = Math.random,
  base = RECONNECT_BASE_MS,
  cap = RECONNECT_MAX_MS,
): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
