import { HeartIcon, HeartOutlineIcon } from "@/components/ui/icons-on-demand";
import { errorMessages } from "@/lib/error-messages";
import { errorMessage, isGraphqlError } from "@/lib/graphql-client";
import { useMessages } from "@/lib/i18n";
import { heartMessages } from "../heart-messages";
import { useFavorite } from "../hooks/use-favorites";

interface FavoriteButtonProps {
  /** The logged-in session (from the app); the button exists only for someone logged in. */
  session: number;
  songId: number;
  /** The song's title, for the accessible name ("Favorite <title>"). */
  title: string;
  /** The seed gateway's `favorite` flag, when it sent one; else checkFavorite decides. */
  gatewayFlag?: boolean;
  size?: "md" | "lg";
}

/**
 * A heart toggle for one song. Until the server's answer is in (or when it could not be had) the heart
 * says so instead of guessing "not a favorite": it stays in the tab order, aria-disabled while the
 * answer is coming, and a press after a failure asks again rather than toggling blind.
 */
export function FavoriteButton({ session, songId, title, gatewayFlag, size = "md" }: FavoriteButtonProps) {
  const { status, favorite, pending, press, failure } = useFavorite(session, songId, gatewayFlag);
  const t = useMessages(heartMessages);
  const errorWords = useMessages(errorMessages);
  const known = status === "favorite" || status === "not-favorite";
  // An expired session is announced by the account area; the heart has nothing to add.
  const shownFailure = failure && !isGraphqlError(failure.error, "unauthorized") ? failure : null;
  // The accessible name says what a press does: toggle, nothing yet, or ask again.
  const name = known ? t.favorite(title) : status === "checking" ? t.checking(title) : t.unavailable(title);
  const hint = {
    favorite: t.remove,
    "not-favorite": t.add,
    checking: t.checkingHint,
    unavailable: t.unavailableHint,
  }[status];
  const look = {
    favorite: "bg-station/15 text-station ring-1 ring-station/40 hover:bg-station/25",
    "not-favorite": "text-fg/60 hover:bg-fg/10 hover:text-fg",
    checking: "cursor-wait text-fg/30",
    unavailable: "border border-dashed border-fg/40 text-fg/60 hover:bg-fg/10 hover:text-fg",
  }[status];
  return (
    <span className="relative inline-flex shrink-0">
      <button
        type="button"
        aria-pressed={known ? favorite : undefined}
        aria-disabled={status === "checking" || undefined}
        aria-busy={pending || status === "checking" || undefined}
        title={hint}
        onClick={press}
        className={`relative grid place-items-center rounded-full transition motion-reduce:transition-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg ${
          size === "lg" ? "h-12 w-12 text-2xl" : "h-9 w-9 text-lg"
        } ${look} ${pending ? "cursor-progress opacity-70" : known ? "active:scale-90" : ""}`}
      >
        {favorite ? (
          <HeartIcon />
        ) : (
          <HeartOutlineIcon
            className={status === "checking" ? "animate-pulse motion-reduce:animate-none" : ""}
          />
        )}
        {status === "unavailable" && (
          <span aria-hidden="true" className="absolute top-0 right-0 text-[0.6em] font-bold leading-none">
            ?
          </span>
        )}
        <span className="sr-only">{name}</span>
      </button>
      {shownFailure && (
        <span
          role="alert"
          className="absolute top-full right-0 z-10 mt-2 w-64 rounded-2xl bg-ink-raised px-3 py-2 text-xs text-danger shadow-xl ring-1 ring-rose-400/30"
        >
          {shownFailure.wanted
            ? t.addFailed(errorMessage(shownFailure.error, errorWords))
            : t.removeFailed(errorMessage(shownFailure.error, errorWords))}
        </span>
      )}
    </span>
  );
}
