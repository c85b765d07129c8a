import { QueueIcon } from "@/components/ui/icons";
import { formatNumber } from "@/lib/format";
import { useLocale, useMessages } from "@/lib/i18n";
import type { QueueLine } from "@/lib/song";
import { queueMessages } from "../queue-messages";

/**
 * The request queue: the station's length and the listener's own requests, from whichever source the
 * app picked (the seed gateway or GraphQL). Nothing at all when neither part is known.
 */
export function QueueInfo({ line }: { line: QueueLine | null | undefined }) {
  const t = useMessages(queueMessages);
  const locale = useLocale();
  if (!line) return null;
  const { length, yours } = line;
  const mine = yours && yours.amount > 0 ? yours : null;
  if (length === null && !mine) return null;
  const songs = (count: number) => t.songs(count, formatNumber(count, locale));
  return (
    <section
      aria-label={t.requestQueue}
      className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 rounded-full bg-fg/5 px-3 py-1 text-sm text-ink-muted ring-1 ring-fg/10"
    >
      <QueueIcon className="text-station" />
      {length !== null && <span>{length === 0 ? t.empty : t.queued(songs(length))}</span>}
      {mine && length !== null && <span aria-hidden="true">·</span>}
      {mine && mine.before > 0 && (
        <span>{t.yoursNextAfter(mine.amount, formatNumber(mine.amount, locale), songs(mine.before))}</span>
      )}
      {mine && mine.before === 0 && (
        <>
          <span>{t.yours(mine.amount, formatNumber(mine.amount, locale))}</span>
          <span aria-hidden="true">·</span>
          <strong className="font-semibold text-station-soft">{t.yoursIsNext}</strong>
        </>
      )}
    </section>
  );
}
