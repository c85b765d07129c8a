import { memo, type ReactNode } from "react";
import { CoverImage } from "@/components/ui/cover-image";
import { cdnUrl } from "@/lib/config";
import { formatDate } from "@/lib/format";
import { coverFile, entityName, type Song, type SongDisplay } from "@/lib/song";
import type { FavoritesMessages } from "../messages";
import type { IndexedFavorite } from "../model/favorites-filter";
import { FavoriteButton } from "./favorite-button";

/** Every row is this tall, so the window of drawn rows is plain arithmetic. */
export const FAVORITE_ROW_HEIGHT = 80;

interface FavoriteRowProps {
  favorite: IndexedFavorite;
  index: number;
  setSize: number;
  session: number;
  display: SongDisplay;
  locale: string;
  words: FavoritesMessages;
  renderRequest?: (song: Song) => ReactNode;
  onShowDetails?: (song: Song) => void;
}

/** Album, else source: where the song comes from, in one short line. */
function origin(song: Song, display: SongDisplay): string | null {
  const first = song.albums[0] ?? song.sources[0];
  return first ? entityName(first, display) : null;
}

export const FavoriteRow = memo(function FavoriteRow({
  favorite,
  index,
  setSize,
  session,
  display,
  locale,
  words,
  renderRequest,
  onShowDetails,
}: FavoriteRowProps) {
  const { song, title, artists, favoritedAt } = favorite;
  const from = origin(song, display);
  return (
    <li
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{
        transform: `translateY(${index * FAVORITE_ROW_HEIGHT}px)`,
        height: FAVORITE_ROW_HEIGHT,
        contain: "layout style",
      }}
      className="absolute inset-x-0 top-0 flex items-center gap-3 rounded-2xl px-2 transition-colors motion-reduce:transition-none hover:bg-fg/5"
    >
      <CoverImage src={cdnUrl("covers", coverFile(song))} alt="" className="h-12 w-12 shrink-0 rounded-xl" />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          disabled={!onShowDetails}
          aria-haspopup="dialog"
          onClick={() => onShowDetails?.(song)}
          className="block w-full min-w-0 rounded-lg text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg enabled:cursor-pointer"
        >
          <span className="block truncate font-medium" title={title}>
            {title}
          </span>
          <span className="block truncate text-sm text-ink-muted">{artists}</span>
        </button>
        <p className="truncate text-xs text-ink-muted">
          {from && <span>{from}</span>}
          {from && favoritedAt !== null && <span aria-hidden="true"> · </span>}
          {favoritedAt !== null && (
            <time dateTime={new Date(favoritedAt).toISOString()}>
              {words.favoritedOn(formatDate(favoritedAt, locale))}
            </time>
          )}
        </p>
      </div>
      {renderRequest?.(song)}
      {/* The list is the server's word that it is a favorite: no check is asked (a toggle still wins). */}
      <FavoriteButton session={session} songId={song.id} title={title} gatewayFlag={true} />
    </li>
  );
});
