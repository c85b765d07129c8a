import { useEffect } from "react";
import { HeartIcon, HeartOutlineIcon } from "@/components/ui/icons";
import { useIsLoggedIn } from "@/features/auth/auth-store";
import { useT } from "@/lib/i18n";
import {
  favoriteFailureDismissed,
  useFavoriteFailure,
  useFavoritePending,
  useFavoriteState,
} from "../favorites-store";
import { useToggleFavorite } from "../hooks/use-favorites";

const FAILURE_VISIBLE_MS = 8_000;

interface FavoriteButtonProps {
  songId: number;
  /** The song's title, for the accessible name ("Favorite <title>"). */
  title: string;
  /** The seed gateway's `favorite` flag, when it sent one; else checkFavorite decides. */
  initialFavorite?: boolean;
  size?: "md" | "lg";
}

/** A heart toggle for one song; absent when nobody is logged in. */
export function FavoriteButton({ songId, title, initialFavorite, size = "md" }: FavoriteButtonProps) {
  const loggedIn = useIsLoggedIn();
  const state = useFavoriteState(songId, initialFavorite);
  const pending = useFavoritePending(songId);
  const failure = useFavoriteFailure(songId);
  const toggle = useToggleFavorite();
  const t = useT();

  useEffect(() => {
    if (!failure) return;
    const timer = setTimeout(() => favoriteFailureDismissed(songId), FAILURE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [failure, songId]);

  if (!loggedIn) return null;
  const favorite = state ?? false;
  return (
    <span className="relative inline-flex shrink-0">
      <button
        type="button"
        aria-pressed={favorite}
        aria-busy={pending || undefined}
        title={favorite ? t.favorites.remove : t.favorites.add}
        onClick={() => toggle(songId, favorite)}
        className={`grid place-items-center rounded-full transition motion-reduce:transition-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg ${
          size === "lg" ? "h-12 w-12 text-2xl" : "h-9 w-9 text-lg"
        } ${
          favorite
            ? "bg-station/15 text-station ring-1 ring-station/40 hover:bg-station/25"
            : "text-fg/60 hover:bg-fg/10 hover:text-fg"
        } ${pending ? "cursor-progress opacity-70" : "active:scale-90"}`}
      >
        {favorite ? <HeartIcon /> : <HeartOutlineIcon />}
        <span className="sr-only">{t.favorites.favorite(title)}</span>
      </button>
      {failure && (
        <span
          role="alert"
          className="absolute top-full right-0 z-10 mt-2 w-64 rounded-2xl bg-ink-raised px-3 py-2 text-xs text-danger shadow-xl ring-1 ring-rose-400/30"
        >
          {failure}
        </span>
      )}
    </span>
  );
}
