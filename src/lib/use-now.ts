import { useEffect, useState } from "react";

/**
 * The current time (epoch ms), refreshed every `intervalMs` while `enabled`. Only the component that
 * calls it re-renders as time passes. Set `enabled` false when nothing on screen depends on the time.
 */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!enabled) return;
    // Coming back after a pause: a clock older than one tick is refreshed now (a fresh one is kept, no render).
    setNow((previous) => (Date.now() - previous >= intervalMs ? Date.now() : previous));
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}
