/** The results panel's own state, loaded with the results rather than on the first screen. */
import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";

interface PanelState {
  /** Put away by Escape or by using the page below; using the box brings it back. */
  dismissed: boolean;
  favoritesOnly: boolean;
}

const initial = (): PanelState => ({ dismissed: false, favoritesOnly: false });

const store = createSelectableStore<PanelState>(initial);

export const usePanelDismissed = () => useStore(store, (s) => s.dismissed);
export const useFavoritesOnly = () => useStore(store, (s) => s.favoritesOnly);

export function panelDismissed() {
  if (!store.getState().dismissed) store.setState({ dismissed: true });
}

export function panelResumed() {
  if (store.getState().dismissed) store.setState({ dismissed: false });
}

export function favoritesOnlyToggled(favoritesOnly: boolean) {
  store.setState({ favoritesOnly });
}

export function resetPanelStore() {
  store.setState(initial(), true);
}
