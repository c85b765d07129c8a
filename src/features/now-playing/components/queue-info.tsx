import { QueueIcon } from "@/components/ui/icons";
import { formatNumber } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import type { Queue } from "@/lib/song";

/** The request queue as an authenticated v1 gateway reports it; nothing at all without that data. */
export function QueueInfo({ queue }: { queue: Queue | null | undefined }) {
  const { queue: t } = useT();
  const locale = useLocale();
  if (!queue) return null;
  const { inQueue, inQueueByUser, inQueueBeforeUser } = queue;
  const yours = inQueueByUser > 0;
  const songs = (count: number) => t.songs(count, formatNumber(count, locale));
  return (
    <section
      aria-label={t.requestQueue}
      className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 rounded-full bg-fg/5 px-3 py-1 text-sm text-ink-muted ring-1 ring-fg/10"
    >
      <QueueIcon className="text-station" />
      <span>{inQueue === 0 ? t.empty : t.queued(songs(inQueue))}</span>
      {yours && (
        <>
          <span aria-hidden="true">·</span>
          <span>{t.yours(inQueueByUser, formatNumber(inQueueByUser, locale))}</span>
          <span aria-hidden="true">·</span>
          {inQueueBeforeUser === 0 ? (
            <strong className="font-semibold text-station-soft">{t.yoursIsNext}</strong>
          ) : (
            <span>{t.beforeYours(songs(inQueueBeforeUser))}</span>
          )}
        </>
      )}
    </section>
  );
}
