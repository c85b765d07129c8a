import { QueueIcon } from "@/components/ui/icons";
import type { Queue } from "@/lib/song";

const countFormat = new Intl.NumberFormat();

function songs(count: number): string {
  return `${countFormat.format(count)} ${count === 1 ? "song" : "songs"}`;
}

/** The request queue as an authenticated v1 gateway reports it; nothing at all without that data. */
export function QueueInfo({ queue }: { queue: Queue | null | undefined }) {
  if (!queue) return null;
  const { inQueue, inQueueByUser, inQueueBeforeUser } = queue;
  const yours = inQueueByUser > 0;
  return (
    <section
      aria-label="Request queue"
      className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 rounded-full bg-fg/5 px-3 py-1 text-sm text-ink-muted ring-1 ring-fg/10"
    >
      <QueueIcon className="text-station" />
      <span>{inQueue === 0 ? "No songs queued" : `${songs(inQueue)} queued`}</span>
      {yours && (
        <>
          <span aria-hidden="true">·</span>
          <span>{`${countFormat.format(inQueueByUser)} ${inQueueByUser === 1 ? "is" : "are"} yours`}</span>
          <span aria-hidden="true">·</span>
          {inQueueBeforeUser === 0 ? (
            <strong className="font-semibold text-station-soft">Your song is next!</strong>
          ) : (
            <span>{`${songs(inQueueBeforeUser)} before yours`}</span>
          )}
        </>
      )}
    </section>
  );
}
