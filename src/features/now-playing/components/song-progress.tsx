import { formatClock } from "@/lib/format";
import { useT } from "@/lib/i18n";
import { useNow } from "@/lib/use-now";
import { elapsedSeconds } from "../model/start-time";

interface SongProgressProps {
  startedAt: number;
  duration: number;
}

/** Ticks once a second on its own, so nothing else re-renders as time passes. */
export function SongProgress({ startedAt, duration }: SongProgressProps) {
  const now = useNow(1_000);
  const t = useT();

  if (duration <= 0) return null;
  const elapsed = elapsedSeconds(startedAt, duration, now);
  const percent = (elapsed / duration) * 100;
  return (
    <div className="flex items-center gap-3 text-xs tabular-nums text-ink-muted">
      <span>{formatClock(elapsed)}</span>
      <div
        role="progressbar"
        aria-label={t.nowPlaying.songProgress}
        aria-valuemin={0}
        aria-valuemax={duration}
        aria-valuenow={elapsed}
        aria-valuetext={t.nowPlaying.progressOf(formatClock(elapsed), formatClock(duration))}
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-fg/10"
      >
        {/* scaleX, not width: a transform animates on the compositor, with no layout every frame. */}
        <div
          className="h-full w-full origin-left rounded-full bg-station transition-transform duration-1000 ease-linear motion-reduce:transition-none"
          style={{ transform: `scaleX(${percent / 100})` }}
        />
      </div>
      <span>{formatClock(duration)}</span>
    </div>
  );
}
