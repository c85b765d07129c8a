import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { SpinnerIcon } from "@/components/ui/icons-on-demand";
import { useSongDisplay } from "@/lib/display-preferences";
import { errorMessages } from "@/lib/error-messages";
import { formatNumber } from "@/lib/format";
import { errorMessage } from "@/lib/graphql-client";
import { useLocale, useMessages } from "@/lib/i18n";
import type { Song } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";
import { useVirtualWindow } from "@/lib/use-virtual-window";
import { toggleFavoriteMutationOptions, toggleTo } from "../api/favorites";
import { favoritesListQueryOptions } from "../api/favorites-list";
import { useFavoriteTogglePending } from "../hooks/use-favorites";
import { useRemovedFavorites } from "../hooks/use-removed-favorites";
import { type FavoritesMessages, favoritesMessages } from "../messages";
import {
  FAVORITES_SORTS,
  type FavoritesSort,
  filterFavorites,
  type IndexedFavorite,
  indexFavorites,
  sortFavorites,
} from "../model/favorites-filter";
import { FAVORITE_ROW_HEIGHT, FavoriteRow } from "./favorite-row";

export interface FavoritesViewProps {
  /**
   * The logged-in session, or null: then the view asks to log in (`loginAction`). "waiting" while the
   * page's query client is not there yet (the view says it is loading).
   */
  session: number | null | "waiting";
  station: StationId;
  /** The app's button that opens the login dialog. */
  loginAction?: ReactNode;
  /** A link back to now playing. */
  backLink?: ReactNode;
  /** What another feature draws in each row (the requests feature's "Request" button). */
  renderRequest?: (song: Song) => ReactNode;
  /** Another feature's button above the list ("Request a random favorite"). */
  randomRequest?: ReactNode;
  onShowDetails?: (song: Song) => void;
}

const PANEL = "rounded-3xl bg-fg/5 p-6 text-sm ring-1 ring-fg/10";
const TEXT_BUTTON =
  "rounded-full bg-fg/10 px-4 py-1.5 text-sm font-semibold hover:bg-fg/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg";

/** The listener's favorites on one station: count, filter, sort, a windowed list, Undo. */
export function FavoritesView({ session, station, loginAction, backLink, ...rest }: FavoritesViewProps) {
  const words = useMessages(favoritesMessages);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-5">
      {backLink}
      <h2 id={headingId} className="text-3xl font-black tracking-tight">
        {words.heading}
      </h2>
      {session === "waiting" ? (
        <LoadingPanel words={words} />
      ) : session === null ? (
        <div className={`${PANEL} flex flex-wrap items-center justify-between gap-4`}>
          <p>{words.loggedOut}</p>
          {loginAction}
        </div>
      ) : (
        <FavoritesContent
          key={`${session}:${station}`}
          session={session}
          station={station}
          words={words}
          {...rest}
        />
      )}
    </section>
  );
}

interface ContentProps extends Omit<FavoritesViewProps, "session" | "loginAction" | "backLink"> {
  session: number;
  words: FavoritesMessages;
}

function FavoritesContent({
  session,
  station,
  words,
  renderRequest,
  randomRequest,
  onShowDetails,
}: ContentProps) {
  const errorWords = useMessages(errorMessages);
  const locale = useLocale();
  const display = useSongDisplay();
  const { data, error, isPending, refetch, isFetching } = useQuery(
    favoritesListQueryOptions(session, station),
  );
  const { removed, lastRemoved, dismiss } = useRemovedFavorites(session, data);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<FavoritesSort>("date");
  const filterId = useId();
  const sortId = useId();

  const indexed = useMemo(() => indexFavorites(data?.favorites ?? [], display), [data, display]);
  const sorted = useMemo(() => sortFavorites(indexed, sort, locale), [indexed, sort, locale]);
  const kept = useMemo(
    () => (removed.size === 0 ? sorted : sorted.filter((f) => !removed.has(f.song.id))),
    [sorted, removed],
  );
  // The text box echoes each key at once; the list follows in a render that a next key may interrupt.
  const listQuery = useDeferredValue(query);
  const shown = useMemo(() => filterFavorites(kept, listQuery), [kept, listQuery]);
  const removedInList = sorted.length - kept.length;
  const total = data ? Math.max(0, data.count - removedInList) : 0;
  const removedFavorite = lastRemoved === null ? null : indexed.find((f) => f.song.id === lastRemoved);
  const loadingProgress = data && !data.complete && isFetching;

  if (!data) {
    if (isPending || !error) return <LoadingPanel words={words} />;
    return (
      <div className={`${PANEL} flex flex-wrap items-center justify-between gap-4`}>
        <p role="alert" className="text-danger">
          {words.loadFailed(errorMessage(error, errorWords))}
        </p>
        <button type="button" onClick={() => void refetch()} className={TEXT_BUTTON}>
          {words.retry}
        </button>
      </div>
    );
  }

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-ink-muted">
          <span className="font-semibold text-fg">{words.count(total, formatNumber(total, locale))}</span>{" "}
          <span>{words.stationCount(stationName(station))}</span>
        </p>
        <FilterStatus
          words={words}
          locale={locale}
          query={listQuery}
          matches={shown.length}
          progress={loadingProgress ? { loaded: data.favorites.length, total: data.count } : null}
        />

        {randomRequest}
      </div>
      {error && (
        <div className="flex flex-wrap items-center gap-3 rounded-2xl bg-rose-400/10 px-4 py-2 text-sm ring-1 ring-rose-400/30">
          <p role="alert" className="text-danger">
            {words.partialFailed(errorMessage(error, errorWords))}
          </p>
          <button type="button" onClick={() => void refetch()} className={TEXT_BUTTON}>
            {words.retry}
          </button>
        </div>
      )}
      <div className="flex items-end gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={filterId} className="text-xs font-semibold text-ink-muted">
            {words.filterLabel}
          </label>
          <input
            id={filterId}
            type="text"
            value={query}
            autoComplete="off"
            spellCheck={false}
            placeholder={words.filterPlaceholder}
            onChange={(event) => setQuery(event.target.value)}
            className="h-10 w-full min-w-0 rounded-full bg-fg/5 px-4 text-sm ring-1 ring-fg/15 placeholder:text-ink-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={sortId} className="text-xs font-semibold text-ink-muted">
            {words.sortLabel}
          </label>
          <select
            id={sortId}
            value={sort}
            onChange={(event) => setSort(event.target.value as FavoritesSort)}
            className="h-10 max-w-36 rounded-full bg-fg/5 px-3 text-sm ring-1 ring-fg/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
          >
            {FAVORITES_SORTS.map((order) => (
              <option key={order} value={order} className="bg-ink-raised text-fg">
                {words.sort[order]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data.complete && kept.length === 0 ? (
        <p className={`${PANEL} text-ink-muted`}>{words.empty}</p>
      ) : shown.length === 0 && listQuery.trim() !== "" ? (
        <div className={`${PANEL} flex flex-wrap items-center justify-between gap-4`}>
          <p className="text-ink-muted">{words.noMatches(listQuery.trim())}</p>
          <button type="button" onClick={() => setQuery("")} className={TEXT_BUTTON}>
            {words.clearFilter}
          </button>
        </div>
      ) : (
        <FavoritesList
          items={shown}
          filter={listQuery}
          label={words.listLabel(stationName(station))}
          session={session}
          words={words}
          locale={locale}
          renderRequest={renderRequest}
          onShowDetails={onShowDetails}
        />
      )}
      <UndoBar
        session={session}
        words={words}
        removed={removedFavorite ?? null}
        onDismiss={dismiss}
        isRemoved={lastRemoved !== null && removed.has(lastRemoved)}
      />
    </>
  );
}

function LoadingPanel({ words }: { words: FavoritesMessages }) {
  return (
    <p role="status" className={`${PANEL} flex items-center gap-3 text-ink-muted`}>
      <SpinnerIcon />
      {words.loading}
    </p>
  );
}

function FilterStatus({
  words,
  locale,
  query,
  matches,
  progress,
}: {
  words: FavoritesMessages;
  locale: string;
  query: string;
  matches: number;
  progress: { loaded: number; total: number } | null;
}) {
  // Announced politely after typing settles, not once per keystroke.
  const settledQuery = useDeferredValue(query);
  const text = progress
    ? words.loadingProgress(formatNumber(progress.loaded, locale), formatNumber(progress.total, locale))
    : settledQuery.trim() !== ""
      ? words.matches(matches, formatNumber(matches, locale))
      : "";
  return (
    <p role="status" className="flex-1 text-sm text-ink-muted">
      {progress && <SpinnerIcon className="mr-2 inline" />}
      {text}
    </p>
  );
}

interface ListProps {
  items: readonly IndexedFavorite[];
  /** The filter these items were chosen by (the bench waits for it to match what was typed). */
  filter: string;
  label: string;
  session: number;
  words: FavoritesMessages;
  locale: string;
  renderRequest?: (song: Song) => ReactNode;
  onShowDetails?: (song: Song) => void;
}

function FavoritesList({
  items,
  filter,
  label,
  session,
  words,
  locale,
  renderRequest,
  onShowDetails,
}: ListProps) {
  const display = useSongDisplay();
  const { listRef, start, end, totalHeight } = useVirtualWindow<HTMLUListElement>({
    count: items.length,
    rowHeight: FAVORITE_ROW_HEIGHT,
  });
  const rows = [];
  for (let index = start; index < end; index++) {
    const favorite = items[index];
    rows.push(
      <FavoriteRow
        key={favorite.song.id}
        favorite={favorite}
        index={index}
        setSize={items.length}
        session={session}
        display={display}
        locale={locale}
        words={words}
        renderRequest={renderRequest}
        onShowDetails={onShowDetails}
      />,
    );
  }
  return (
    <ul
      ref={listRef}
      aria-label={label}
      data-filter={filter}
      className="relative"
      // Its height is set here, so its rows' layout never reaches the page around it.
      style={{ height: totalHeight, contain: "size layout style" }}
    >
      {rows}
    </ul>
  );
}

interface UndoBarProps {
  session: number;
  words: FavoritesMessages;
  removed: IndexedFavorite | null;
  isRemoved: boolean;
  onDismiss(): void;
}

/** "Removed X. Undo": favorites the song again; a failure says so and leaves it removed, Undo still there. */
function UndoBar({ session, words, removed, isRemoved, onDismiss }: UndoBarProps) {
  const errorWords = useMessages(errorMessages);
  const songId = removed?.song.id ?? 0;
  const client = useQueryClient();
  const { mutate, error, reset } = useMutation(toggleFavoriteMutationOptions(session, songId));
  // Any toggle of this song in flight (this Undo, or the removal itself): a second one now could
  // check the server before the first lands and get the wrong answer.
  const busy = useFavoriteTogglePending(songId);
  const undoRef = useRef<HTMLButtonElement>(null);
  const visible = removed !== null && isRemoved;

  // A new removal starts with a clean slate (an old song's Undo failure is not this one's).
  // biome-ignore lint/correctness/useExhaustiveDependencies: songId is the trigger.
  useEffect(() => reset(), [songId, reset]);
  // Focus lost with the removed row lands on Undo rather than at the top of the page.
  useEffect(() => {
    if (visible && (document.activeElement === document.body || document.activeElement === null)) {
      undoRef.current?.focus();
    }
  }, [visible]);

  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-24 z-20 flex justify-center px-4">
      <div role="status" className="flex justify-center">
        {visible && (
          <div className="pointer-events-auto flex max-w-xl flex-wrap items-center gap-3 rounded-2xl bg-ink-raised px-4 py-3 text-sm shadow-2xl ring-1 ring-fg/15">
            <p className="min-w-0 flex-1">{words.removed(removed.title)}</p>
            <button
              ref={undoRef}
              type="button"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => mutate(toggleTo(client, session, songId, true))}
              className={`${TEXT_BUTTON} bg-station-fill text-white hover:bg-station-fill/90`}
            >
              {words.undo}
            </button>
            <button
              type="button"
              onClick={onDismiss}
              className="rounded-full px-3 py-1.5 text-sm text-fg/70 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-fg"
            >
              {words.dismiss}
            </button>
          </div>
        )}
      </div>
      {visible && error && (
        <p
          role="alert"
          className="pointer-events-auto absolute bottom-full mb-2 max-w-xl rounded-2xl bg-ink-raised px-4 py-2 text-sm text-danger shadow-xl ring-1 ring-rose-400/30"
        >
          {words.undoFailed(removed.title, errorMessage(error, errorWords))}
        </p>
      )}
    </div>
  );
}
