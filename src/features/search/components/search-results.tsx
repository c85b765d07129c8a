/**
 * The results under the header: loaded on demand with the search's own words. Typing is debounced,
 * each (query, station, favorites only, login) is its own query, so an answer to an older query lands
 * in its own cache entry and never on screen; a query left behind is cancelled.
 */
import { type InfiniteData, useInfiniteQuery } from "@tanstack/react-query";
import type { CSSProperties, ReactNode } from "react";
import { CoverImage } from "@/components/ui/cover-image";
import { SpinnerIcon } from "@/components/ui/icons-on-demand";
import { cdnUrl } from "@/lib/config";
import { useSongDisplay } from "@/lib/display-preferences";
import { errorMessages } from "@/lib/error-messages";
import { formatNumber } from "@/lib/format";
import { errorMessage } from "@/lib/graphql-client";
import { useLocale, useMessages } from "@/lib/i18n";
import { artistLine, coverFile, entityName, type Song, type SongDisplay, songTitle } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";
import { type SearchPage, searchKey, searchQueryOptions, searchSongs } from "../api/search";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { useSearchKeys } from "../hooks/use-search-keys";
import { searchMessages } from "../messages";
import { favoritesOnlyToggled, useFavoritesOnly, usePanelDismissed } from "../panel-store";
import { useSearchQuery } from "../search-store";

/** Typing pauses this long before a search goes out. */
export const SEARCH_DEBOUNCE_MS = 250;

type Messages = (typeof searchMessages)["en"];

export interface SearchResultsProps {
  station: StationId;
  /** The logged-in session, or null: favorites only and the hearts need a login. */
  session: number | null;
  /** False until the page's query client runs; the panel shows it is searching meanwhile. */
  ready: boolean;
  /** The favorite toggle for a row (from the favorites feature, composed by the app). */
  renderFavorite?: (song: Song) => ReactNode;
  /** The request button for a row (from the requests feature, composed by the app). */
  renderRequest?: (song: Song) => ReactNode;
}

export function SearchResults({
  station,
  session,
  ready,
  renderFavorite,
  renderRequest,
}: SearchResultsProps) {
  const m = useMessages(searchMessages);
  const dismissed = usePanelDismissed();
  const query = useSearchQuery().trim();
  const favoritesOnly = useFavoritesOnly() && session !== null;
  useSearchKeys();
  if (dismissed || query === "") return null;
  return (
    // Over the page, under the header, as wide as the header's content. Its layout is inline rather
    // than utility classes used nowhere else: those would all land in the first screen's stylesheet.
    <div className="absolute inset-x-0 top-full px-4 sm:px-8" style={PANEL_POSITION}>
      <section
        aria-label={m.results}
        className="flex flex-col overflow-hidden rounded-3xl bg-ink-raised shadow-2xl ring-1 ring-fg/10"
        style={PANEL_BOX}
      >
        <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
          <h2 className="text-xs font-semibold uppercase tracking-widest text-ink-muted">
            {m.scope(stationName(station))}
          </h2>
          {session !== null && <FavoritesOnlySwitch on={favoritesOnly} label={m.favoritesOnly} />}
        </div>
        {ready ? (
          <SearchAnswer
            query={query}
            station={station}
            session={session}
            favoritesOnly={favoritesOnly}
            renderFavorite={renderFavorite}
            renderRequest={renderRequest}
          />
        ) : (
          <Status>{m.searching(query)}</Status>
        )}
      </section>
    </div>
  );
}

const PANEL_POSITION: CSSProperties = { zIndex: 30, marginTop: "0.75rem", pointerEvents: "none" };
/** Ends above the player bar under a header of up to three rows (phones, logged in). */
const PANEL_BOX: CSSProperties = { maxHeight: "min(40rem, calc(100dvh - 17rem))", pointerEvents: "auto" };

function FavoritesOnlySwitch({ on, label }: { on: boolean; label: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      onClick={() => favoritesOnlyToggled(!on)}
      className="inline-flex items-center gap-2 rounded-full py-1 pr-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
    >
      {/* Geometry inline: classes used only here would weigh on the first screen's stylesheet. */}
      <span
        aria-hidden="true"
        className={`relative shrink-0 rounded-full ring-1 ${on ? "bg-station-fill ring-fg/20" : "bg-fg/10 ring-fg/20"}`}
        style={SWITCH_TRACK}
      >
        <span className="absolute rounded-full shadow" style={on ? KNOB_ON : KNOB_OFF} />
      </span>
      {label}
    </button>
  );
}

const SWITCH_TRACK: CSSProperties = { width: "2.25rem", height: "1.25rem" };
const KNOB_OFF: CSSProperties = { top: 2, left: 2, width: 16, height: 16, background: "#fff" };
const KNOB_ON: CSSProperties = { ...KNOB_OFF, left: 18 };

function Status({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <p role="status" className="flex items-center gap-2 px-4 py-2 text-sm text-ink-muted">
      {busy && <SpinnerIcon />}
      {children}
    </p>
  );
}

interface SearchAnswerProps {
  query: string;
  station: StationId;
  session: number | null;
  favoritesOnly: boolean;
  renderFavorite?: (song: Song) => ReactNode;
  renderRequest?: (song: Song) => ReactNode;
}

function SearchAnswer({
  query,
  station,
  session,
  favoritesOnly,
  renderFavorite,
  renderRequest,
}: SearchAnswerProps) {
  const m = useMessages(searchMessages);
  const errorWords = useMessages(errorMessages);
  const locale = useLocale();
  const display = useSongDisplay();
  const settled = useDebouncedValue(query, SEARCH_DEBOUNCE_MS, "");
  const params = { query: settled, station, favoritesOnly, session };
  const search = useInfiniteQuery({
    ...searchQueryOptions(params),
    // While the next query is on its way, the last answer stays (dimmed), but only one for the same
    // station, filter and login: never another station's songs under this one's name.
    placeholderData: (previous: InfiniteData<SearchPage, number> | undefined, previousQuery) =>
      previousQuery && sameScope(previousQuery.queryKey, searchKey(params)) ? previous : undefined,
  });

  const songs = search.data ? searchSongs(search.data.pages) : [];
  // Until this query's own answer is in, the status says so and what shows is dimmed.
  const waiting = settled !== query || (search.isPending && search.isFetching) || search.isPlaceholderData;
  const failed = search.isError && !waiting;

  return (
    <>
      <Status busy={waiting}>
        {statusText(m, locale, { query, waiting, failed, songs, search, favoritesOnly })}
      </Status>
      {failed && (
        <div
          role="alert"
          style={{ marginInline: "1rem" }}
          className="flex flex-wrap items-center gap-3 rounded-2xl bg-fg/5 px-3 py-2 text-sm text-danger"
        >
          <span className="min-w-0 flex-1">{m.failed(errorMessage(search.error, errorWords))}</span>
          <button
            type="button"
            onClick={() => void (search.isFetchNextPageError ? search.fetchNextPage() : search.refetch())}
            className="rounded-full px-3 py-1 font-semibold text-fg ring-1 ring-fg/20 hover:bg-fg/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
          >
            {m.retry}
          </button>
        </div>
      )}
      {songs.length > 0 && (
        <div className="overflow-y-auto p-2" style={{ minHeight: 0 }}>
          <ul aria-busy={waiting || undefined} className={`flex flex-col ${waiting ? "opacity-60" : ""}`}>
            {songs.map((song) => (
              <SearchRow
                key={song.id}
                song={song}
                display={display}
                messages={m}
                favorite={renderFavorite?.(song)}
                request={renderRequest?.(song)}
              />
            ))}
          </ul>
          {search.hasNextPage && !waiting && (
            <button
              type="button"
              aria-disabled={search.isFetchingNextPage || undefined}
              onClick={() => {
                if (!search.isFetchingNextPage) void search.fetchNextPage();
              }}
              className="mx-auto mt-2 mb-1 flex items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-fg/20 hover:bg-fg/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
            >
              {search.isFetchingNextPage && <SpinnerIcon />}
              {search.isFetchingNextPage ? m.loadingMore : m.showMore}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** Whether two search keys differ only in the query text. */
function sameScope(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.slice(0, -1).every((part, i) => part === b[i]);
}

function statusText(
  m: Messages,
  locale: string,
  state: {
    query: string;
    waiting: boolean;
    failed: boolean;
    songs: Song[];
    search: { hasNextPage: boolean; data: unknown };
    favoritesOnly: boolean;
  },
): string {
  const { query, waiting, failed, songs, search, favoritesOnly } = state;
  if (waiting) return m.searching(query);
  if (failed || !search.data) return "";
  if (songs.length === 0) return favoritesOnly ? m.noFavorites(query) : m.none(query);
  const count = formatNumber(songs.length, locale);
  return search.hasNextPage ? m.foundMore(count, query) : m.found(songs.length, count, query);
}

function SearchRow({
  song,
  display,
  messages: m,
  favorite,
  request,
}: {
  song: Song;
  display: SongDisplay;
  messages: Messages;
  favorite?: ReactNode;
  request?: ReactNode;
}) {
  const title = songTitle(song, display);
  const album = song.albums[0];
  const source = song.sources[0];
  return (
    <li className="flex items-center gap-3 rounded-2xl p-2 hover:bg-fg/5">
      <CoverImage src={cdnUrl("covers", coverFile(song))} alt="" className="h-11 w-11 shrink-0 rounded-xl" />
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium" title={title}>
          {title}
        </p>
        <p className="truncate text-sm text-ink-muted">{artistLine(song, display)}</p>
        {(album || source) && (
          <p className="truncate text-xs text-ink-muted">
            <span className="sr-only">{album ? m.album : m.source}: </span>
            {entityName(album ?? source, display)}
          </p>
        )}
      </div>
      {request}
      {favorite}
    </li>
  );
}
