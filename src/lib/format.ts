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
