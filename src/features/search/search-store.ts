/**
 * What the listener typed into the header's search box. Kept in a store because the box is on the
 * first screen and the results arrive later in their own chunk; both read the same text. Only what
 * the box itself needs lives here (panel-store.ts has the rest, loaded with the results). Server
 * answers live in TanStack Query, never here.
 */
import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";

interface SearchState {
  /** The text as typed; the results debounce it. */
  query: string;
  /** Set on the first focus or keystroke: the app loads the results' chunk from then on. */
  engaged: boolean;
}

const initial = (): SearchState => ({ query: "", engaged: false });

const store = createSelectableStore<SearchState>(initial);

export const useSearchQuery = () => useStore(store, (s) => s.query);
export const useSearchEngaged = () => useStore(store, (s) => s.engaged);
export const getSearchQuery = () => store.getState().query;

export function searchTyped(query: string) {
  store.setState({ query, engaged: true });
}

/** Focus alone loads the results' code, so the first keystroke does not wait for it. */
export function searchFocused() {
  store.setState({ engaged: true });
}

export function resetSearchStore() {
  store.setState(initial(), true);
}
