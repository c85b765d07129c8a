import { currentLocale } from "./i18n";

/** m:ss (or h:mm:ss) for a number of whole seconds. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** Intl formatters are costly to build: one per locale and kind, kept for the page's life. */
function memoised<T>(make: (locale: string) => T): (locale: string) => T {
  const byLocale = new Map<string, T>();
  return (locale) => {
    let formatter = byLocale.get(locale);
    if (formatter === undefined) {
      formatter = make(locale);
      byLocale.set(locale, formatter);
    }
    return formatter;
  };
}

const countFormat = memoised((locale) => new Intl.NumberFormat(locale));

/** "1,234" in English, with the locale's own grouping elsewhere. */
export function formatNumber(count: number, locale = currentLocale()): string {
  return countFormat(locale).format(count);
}

const percentFormat = memoised((locale) => new Intl.NumberFormat(locale, { style: "percent" }));

/** A 0–1 fraction as a whole percentage: "75%". */
export function formatPercent(fraction: number, locale = currentLocale()): string {
  return percentFormat(locale).format(fraction);
}

const timeFormat = memoised(
  (locale) => new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" }),
);

export function formatTimeOfDay(epochMs: number, locale = currentLocale()): string {
  return timeFormat(locale).format(epochMs);
}

const relativeFormat = memoised(
  (locale) => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }),
);

/** "now", "3 min. ago", "2 hr. ago": how long ago `epochMs` was, seen from `now`. */
export function formatTimeAgo(epochMs: number, now: number, locale = currentLocale()): string {
  const format = relativeFormat(locale);
  const seconds = Math.round((epochMs - now) / 1000);
  if (seconds > -45) return format.format(0, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return format.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return format.format(hours, "hour");
  return format.format(Math.round(hours / 24), "day");
}

const dateFormat = memoised((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }));

/** "Mar 3, 2025": a calendar date in the locale's own style. */
export function formatDate(epochMs: number, locale = currentLocale()): string {
  return dateFormat(locale).format(epochMs);
}
