/** The listener's choices that are not about playback: persisted, versioned and validated on load. */
import { createStore, useStore } from "zustand";

export type ThemeChoice = "system" | "light" | "dark";
export type LanguageChoice = "auto" | "en" | "ja";

export interface Settings {
  /** Desktop notifications on song change; off until the listener turns them on. */
  notifications: boolean;
  /** Show romanised names (nameRomaji/titleRomaji) wherever a name appears. */
  preferRomaji: boolean;
  theme: ThemeChoice;
  language: LanguageChoice;
}

const STORAGE_KEY = "lm.settings.v2";
const VERSION = 2;
export const DEFAULT_SETTINGS: Settings = {
  notifications: false,
  preferRomaji: false,
  theme: "system",
  language: "auto",
};

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Storage is untrusted: every field is checked, unknown or broken ones fall back to the default. */
export function readSettings(raw: string | null): Settings {
  try {
    const data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (data.version !== VERSION) return DEFAULT_SETTINGS;
    return {
      notifications: data.notifications === true,
      preferRomaji: data.preferRomaji === true,
      theme: oneOf(data.theme, ["system", "light", "dark"], DEFAULT_SETTINGS.theme),
      language: oneOf(data.language, ["auto", "en", "ja"], DEFAULT_SETTINGS.language),
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function load(): Settings {
  try {
    return readSettings(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

const store = createStore<Settings>(() => load());

store.subscribe((next) => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, ...next }));
  } catch {
    // The choice still holds for this visit.
  }
});

export const useNotificationsEnabled = () => useStore(store, (s) => s.notifications);
export const usePreferRomaji = () => useStore(store, (s) => s.preferRomaji);
export const useThemeChoice = () => useStore(store, (s) => s.theme);
export const useLanguageChoice = () => useStore(store, (s) => s.language);
export const getSettings = () => store.getState();

export function subscribeToSettings<T>(select: (s: Settings) => T, listener: (value: T) => void) {
  return store.subscribe((next, prev) => {
    if (!Object.is(select(next), select(prev))) listener(select(next));
  });
}

export function notificationsToggled(enabled: boolean) {
  store.setState({ notifications: enabled });
}

export function romajiToggled(preferRomaji: boolean) {
  store.setState({ preferRomaji });
}

export function themeChosen(theme: ThemeChoice) {
  store.setState({ theme });
}

export function languageChosen(language: LanguageChoice) {
  store.setState({ language });
}

export function resetSettingsStore() {
  store.setState(DEFAULT_SETTINGS, true);
}
