import { SpinnerIcon } from "@/components/ui/icons-on-demand";
import { useMessages } from "@/lib/i18n";
import type { StationId } from "@/lib/stations";
import { useRandomFavoriteRequest } from "../hooks/use-requests";
import { requestsMessages } from "../messages";
import { REQUEST_BUTTON_CLASS } from "./request-button";

/** "Request a random favorite" on `station`; the RequestOutcome region names the song it picked. */
export function RandomFavoriteRequest({ station }: { station: StationId }) {
  const t = useMessages(requestsMessages);
  const { pending, request } = useRandomFavoriteRequest(station);
  return (
    <button
      type="button"
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      onClick={request}
      className={`${REQUEST_BUTTON_CLASS} bg-fg/5 text-fg ring-fg/15 hover:bg-fg/10 ${
        pending ? "cursor-progress opacity-70" : ""
      }`}
    >
      {pending && <SpinnerIcon />}
      {t.randomFavorite}
    </button>
  );
}
