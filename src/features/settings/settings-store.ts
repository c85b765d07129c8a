import { createStore, useStore } from "zustand";

interface Settings {
  /** Desktop notifications on song change; off until the listener turns them on. */
  notifications: boolean;
}

const STORAGE_KEY = "lm.settings.v1";
const DEFAULTS: Settings = { notifications: false };

function load(): Settings {
  try {
    const data = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}") as Record<string, unknown>;
    return { notifications: data.notifications === true };
  } catch {
    return DEFAULTS;
  }
}

const store = createStore<Settings>(() => (typeof localStorage === "undefined" ? DEFAULTS : load()));

store.subscribe((next) => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // The choice still holds for this visit.
  }
});

export const useNotificationsEnabled = () => useStore(store, (s) => s.notifications);
export const getSettings = () => store.getState();

export function notificationsToggled(enabled: boolean) {
  store.setState({ notifications: enabled });
}
