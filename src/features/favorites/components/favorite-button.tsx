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

/** A heart toggle for one song. */
export function FavoriteButton({ session, songId, title, gatewayFlag, size = "md" }: FavoriteButtonProps) {
  const { favorite, pending, toggle, failure } = useFavorite(session, songId, gatewayFlag);
  const t = useMessages(heartMessages);
  const errorWords = useMessages(errorMessages);
  // An expired session is announced by the account area; the heart has nothing to add.
  const shownFailure = failure && !isGraphqlError(failure.error, "unauthorized") ? failure : null;
  return (
    <span className="relative inline-flex shrink-0">
      <button
        type="button"
        aria-pressed={favorite}
        aria-busy={pending || undefined}
        title={favorite ? t.remove : t.add}
        onClick={toggle}
        className={`grid place-items-center rounded-full transition motion-reduce:transition-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg ${
          size === "lg" ? "h-12 w-12 text-2xl" : "h-9 w-9 text-lg"
        } ${
          favorite
            ? "bg-station/15 text-station ring-1 ring-station/40 hover:bg-station/25"
            : "text-fg/60 hover:bg-fg/10 hover:text-fg"
        } ${pending ? "cursor-progress opacity-70" : "active:scale-90"}`}
      >
        {favorite ? <HeartIcon /> : <HeartOutlineIcon />}
        <span className="sr-only">{t.favorite(title)}</span>
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
