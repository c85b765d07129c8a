import { CoverImage } from "@/components/ui/cover-image";
import { cdnUrl } from "@/lib/config";
import { useSongDisplay } from "@/lib/display-preferences";
import { formatClock, formatTimeAgo, formatTimeOfDay } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { artistLine, coverFile, type Song, type SongDisplay, songTitle } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { useNow } from "@/lib/use-now";
import type { HistoryEntry } from "../model/apply-track-update";
import { useHistory } from "../now-playing-store";

interface HistoryListProps {
  station: StationId;
  /** Per-row controls (a favorite button), composed by the app. */
  renderActions?: (song: Song) => React.ReactNode;
  onShowDetails?: (song: Song) => void;
}

export function HistoryList({ station, renderActions, onShowDetails }: HistoryListProps) {
  const history = useHistory(station);
  const display = useSongDisplay();
  const now = useNow(RELATIVE_TIME_REFRESH_MS);
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-label={t.history.history} className="flex min-w-0 flex-col gap-3">
      <h2 className="text-sm font-semibold uppercase tracking-widest text-ink-muted">
        {t.history.recentlyPlayed}
      </h2>
      {history.length === 0 ? (
        <p className="rounded-2xl bg-fg/5 p-4 text-sm text-ink-muted">{t.history.empty}</p>
      ) : (
        <ol className="flex flex-col gap-1">
          {history.map((entry) => (
            <HistoryRow
              key={entry.song.id}
              entry={entry}
              display={display}
              now={now}
              locale={locale}
              actions={renderActions?.(entry.song)}
              onShowDetails={onShowDetails}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** "3 min. ago" labels only need a fresh clock every half minute. */
const RELATIVE_TIME_REFRESH_MS = 30_000;

function HistoryRow({
  entry,
  display,
  now,
  locale,
  actions,
  onShowDetails,
}: {
  entry: HistoryEntry;
  display: SongDisplay;
  now: number;
  locale: string;
  actions?: React.ReactNode;
  onShowDetails?: (song: Song) => void;
}) {
  const { song, playedAt } = entry;
  const title = songTitle(song, display);
  return (
    <li className="flex items-center gap-3 rounded-2xl p-2 transition-colors motion-reduce:transition-none hover:bg-fg/5">
      <CoverImage src={cdnUrl("covers", coverFile(song))} alt="" className="h-12 w-12 shrink-0 rounded-xl" />
      <button
        type="button"
        disabled={!onShowDetails}
        onClick={() => onShowDetails?.(song)}
        className="min-w-0 flex-1 rounded-lg text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg enabled:cursor-pointer"
      >
        <span className="block truncate font-medium" title={title}>
          {title}
        </span>
        <span className="block truncate text-sm text-ink-muted">{artistLine(song, display)}</span>
      </button>
      <p className="shrink-0 text-right text-xs tabular-nums text-ink-muted">
        {playedAt !== null && (
          <time
            className="block"
            dateTime={new Date(playedAt).toISOString()}
            title={formatTimeOfDay(playedAt, locale)}
          >
            {formatTimeAgo(playedAt, now, locale)}
          </time>
        )}
        {song.duration > 0 && <span className="block">{formatClock(song.duration)}</span>}
      </p>
      {actions}
    </li>
  );
}
