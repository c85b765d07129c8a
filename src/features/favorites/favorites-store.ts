/**
 * Per-song favorite state for the logged-in user: what the server said (checkFavorite), what a toggle
 * here set, which toggles are in flight, and the last failure to show. Emptied whenever the user changes.
 */
import { createStore, useStore } from "zustand";
import { subscribeToAuth } from "@/features/auth/auth-store";

type BySong<T> = Readonly<Record<number, T>>;

interface FavoritesState {
  /** checkFavorite's answers. */
  checked: BySong<boolean>;
  /** Set by toggles in this tab (optimistic, then reconciled); newer than any gateway flag. */
  toggled: BySong<boolean>;
  pending: BySong<true>;
  failures: BySong<string>;
  /** Bumped at each toggle, so a slow reconcile never overwrites a newer toggle. */
  versions: BySong<number>;
}

const initial: FavoritesState = { checked: {}, toggled: {}, pending: {}, failures: {}, versions: {} };
const store = createStore<FavoritesState>(() => initial);

function without<T>(record: BySong<T>, songId: number): BySong<T> {
  if (!(songId in record)) return record;
  const { [songId]: _, ...rest } = record;
  return rest;
}

/** A local toggle beats the gateway's flag (`initial`), which beats checkFavorite; undefined = unknown. */
export const useFavoriteState = (songId: number, initialFavorite?: boolean) =>
  useStore(store, (s) => s.toggled[songId] ?? initialFavorite ?? s.checked[songId]);
export const useFavoritePending = (songId: number) => useStore(store, (s) => s.pending[songId] === true);
export const useFavoriteFailure = (songId: number) => useStore(store, (s) => s.failures[songId] ?? null);

export const getFavoritesState = () => store.getState();

export function favoritesChecked(songIds: readonly number[], favorited: readonly number[]) {
  const yes = new Set(favorited);
  store.setState((s) => {
    const checked = { ...s.checked };
    for (const id of songIds) if (!s.pending[id]) checked[id] = yes.has(id);
    return { checked };
  });
}

/** Returns the toggle's version, or null when one for this song is already in flight (the click is ignored). */
export function favoriteToggleStarted(songId: number, next: boolean): number | null {
  const s = store.getState();
  if (s.pending[songId]) return null;
  const version = (s.versions[songId] ?? 0) + 1;
  store.setState({
    toggled: { ...s.toggled, [songId]: next },
    pending: { ...s.pending, [songId]: true },
    failures: without(s.failures, songId),
    versions: { ...s.versions, [songId]: version },
  });
  return version;
}

export function favoriteToggleSucceeded(songId: number) {
  store.setState((s) => ({ pending: without(s.pending, songId) }));
}

export function favoriteToggleFailed(songId: number, previous: boolean, message: string) {
  store.setState((s) => ({
    toggled: { ...s.toggled, [songId]: previous },
    pending: without(s.pending, songId),
    failures: { ...s.failures, [songId]: message },
  }));
}

/** The server's word after a toggle, unless another toggle has started since. */
export function favoriteReconciled(songId: number, favorite: boolean, version: number) {
  store.setState((s) =>
    s.versions[songId] !== version || s.pending[songId]
      ? s
      : {
          toggled: { ...s.toggled, [songId]: favorite },
          checked: { ...s.checked, [songId]: favorite },
        },
  );
}

export function favoriteFailureDismissed(songId: number) {
  store.setState((s) => ({ failures: without(s.failures, songId) }));
}

export function resetFavoritesStore() {
  store.setState(initial, true);
}

// Another user's (or nobody's) favorites must never show through.
subscribeToAuth(() => resetFavoritesStore());
