/**
 * What the listener typed into the header's search box, and whether the results panel shows. Kept
 * in a store because the box is on the first screen and the results arrive later in their own chunk;
 * both read the same query. Server answers live in TanStack Query, never here.
 */
import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";

interface SearchState {
  /** The text as typed; the results debounce it. */
  query: string;
  /** The results panel may show (the box was used and not dismissed). */
  open: boolean;
  /** On phones the box hides behind a "Search" button until it is pressed. */
  revealed: boolean;
  /** Set on the first focus or keystroke: the app loads the results' chunk from then on. */
  engaged: boolean;
  favoritesOnly: boolean;
  /** Bumped by the "/" shortcut; the box focuses itself when it changes. */
  focusRequests: number;
}

const initial = (): SearchState => ({
  query: "",
  open: false,
  revealed: false,
  engaged: false,
  favoritesOnly: false,
  focusRequests: 0,
});

const store = createSelectableStore<SearchState>(initial);

export const useSearchQuery = () => useStore(store, (s) => s.query);
export const useSearchOpen = () => useStore(store, (s) => s.open);
export const useSearchRevealed = () => useStore(store, (s) => s.revealed);
export const useSearchEngaged = () => useStore(store, (s) => s.engaged);
export const useFavoritesOnly = () => useStore(store, (s) => s.favoritesOnly);
export const useSearchFocusRequests = () => useStore(store, (s) => s.focusRequests);

export function searchTyped(query: string) {
  store.setState({ query, open: true, engaged: true });
}

/** Focus alone loads the results' code, so the first keystroke does not wait for it. */
export function searchFocused() {
  store.setState({ open: true, engaged: true });
}

/** A click elsewhere hides the panel; the query stays for when the box is used again. */
export function searchDismissed() {
  store.setState({ open: false });
}

/** Escape: an empty box closes (and hides again on phones); otherwise the text goes first. */
export function searchEscaped(): "cleared" | "closed" {
  if (store.getState().query !== "") {
    store.setState({ query: "" });
    return "cleared";
  }
  store.setState({ open: false, revealed: false });
  return "closed";
}

/** The "/" shortcut and the phones' "Search" button: show the box wherever it hides, cursor in it. */
export function searchFocusRequested() {
  store.setState((s) => ({ revealed: true, open: true, engaged: true, focusRequests: s.focusRequests + 1 }));
}

/** The phones' "Search" button, pressed again. */
export function searchClosed() {
  store.setState({ open: false, revealed: false });
}

export function favoritesOnlyToggled(favoritesOnly: boolean) {
  store.setState({ favoritesOnly });
}

export function resetSearchStore() {
  store.setState(initial(), true);
}
