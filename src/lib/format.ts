/** m:ss (or h:mm:ss) for a number of whole seconds. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

const countFormat = new Intl.NumberFormat();

export function formatListeners(count: number): string {
  return `${countFormat.format(count)} ${count === 1 ? "listener" : "listeners"}`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

export function formatTimeOfDay(epochMs: number): string {
  return timeFormat.format(epochMs);
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });

/** "now", "3 min. ago", "2 hr. ago": how long ago `epochMs` was, seen from `now`. */
export function formatTimeAgo(epochMs: number, now: number): string {
  const seconds = Math.round((epochMs - now) / 1000);
  if (seconds > -45) return relativeFormat.format(0, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relativeFormat.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relativeFormat.format(hours, "hour");
  return relativeFormat.format(Math.round(hours / 24), "day");
}
