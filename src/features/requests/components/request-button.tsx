import { CheckIcon, QueueAddIcon, SpinnerIcon } from "@/components/ui/icons-on-demand";
import { useMessages } from "@/lib/i18n";
import type { StationId } from "@/lib/stations";
import { useSongRequest } from "../hooks/use-requests";
import { requestsMessages } from "../messages";

export const REQUEST_BUTTON_CLASS =
  "inline-flex shrink-0 items-center gap-1.5 rounded-full px-3 py-1.5 max-sm:p-2.5 text-sm font-semibold ring-1 transition-colors motion-reduce:transition-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg";

interface RequestButtonProps {
  songId: number;
  /** The title as shown, for the accessible name ("Request <title>") and the messages. */
  title: string;
  station: StationId;
}

/**
 * Requests one song on `station`. Busy while in flight (from this or any other button for the song),
 * "Requested" once it went through. What happened is told by the one RequestOutcome region, so the
 * message outlives this button when a virtualized list drops its row.
 */
export function RequestButton({ songId, title, station }: RequestButtonProps) {
  const t = useMessages(requestsMessages);
  const { pending, requested, request } = useSongRequest(station, songId, title);
  // aria-disabled rather than disabled: the button keeps focus while it works and after it is done.
  return (
    <button
      type="button"
      aria-busy={pending || undefined}
      aria-disabled={pending || requested || undefined}
      onClick={request}
      className={`${REQUEST_BUTTON_CLASS} ${
        requested
          ? "bg-station/15 text-station-soft ring-station/40"
          : "bg-fg/5 text-fg ring-fg/15 hover:bg-fg/10"
      } ${pending ? "cursor-progress opacity-70" : ""}`}
    >
      {pending ? (
        <SpinnerIcon />
      ) : (
        // On phones the icon stands for the word, so a row's title keeps its room.
        <span className="sm:hidden">{requested ? <CheckIcon /> : <QueueAddIcon />}</span>
      )}
      <span aria-hidden="true" className="max-sm:hidden">
        {pending ? t.requesting : requested ? t.requested : t.requestShort}
      </span>
      <span className="sr-only">{requested ? t.requestedSong(title) : t.request(title)}</span>
    </button>
  );
}
